// Tests only: a real SMTP server (smtp-server) on a free loopback port that keeps what it receives,
// and a small MIME reader for nodemailer's output (multipart/alternative, quoted-printable/base64,
// RFC 2047 subjects), so tests assert on the decoded text and HTML a mail client would show.
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export type ReceivedMail = { from: string; to: string[]; raw: string; headers: Map<string, string>; subject: string; text: string; html: string };
export type SmtpInbox = {
  url: string;
  mails: ReceivedMail[];
  /** Recipients the server answers 550 to, until removed. */
  rejecting: Set<string>;
  close: () => Promise<void>;
};

export async function startSmtpInbox({ user, pass }: { user?: string; pass?: string } = {}): Promise<SmtpInbox> {
  const mails: ReceivedMail[] = [];
  const rejecting = new Set<string>();
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS"],
    authOptional: !user,
    allowInsecureAuth: true,
    authMethods: ["PLAIN", "LOGIN"],
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === user && auth.password === pass) callback(null, { user: auth.username });
      else callback(Object.assign(new Error("Invalid username or password"), { responseCode: 535 }));
    },
    onRcptTo(address, _session, callback) {
      if (rejecting.has(address.address)) callback(Object.assign(new Error(`5.1.1 <${address.address}>: Recipient address rejected: mailbox unavailable`), { responseCode: 550 }));
      else callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : "";
        mails.push({ from, to: session.envelope.rcptTo.map((r) => r.address), raw, ...parseMime(raw) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  const credentials = user ? `${encodeURIComponent(user)}:${encodeURIComponent(pass ?? "")}@` : "";
  return { url: `smtp://${credentials}127.0.0.1:${port}`, mails, rejecting, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

function splitHead(raw: string): { headers: Map<string, string>; body: string } {
  const at = raw.search(/\r?\n\r?\n/);
  const head = at < 0 ? raw : raw.slice(0, at);
  const body = at < 0 ? "" : raw.slice(at).replace(/^\r?\n\r?\n/, "");
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon > 0 && !headers.has(line.slice(0, colon).toLowerCase())) headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body };
}

function decodeBody(body: string, encoding = "7bit"): string {
  if (/base64/i.test(encoding)) return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (/quoted-printable/i.test(encoding)) return decodeQuotedPrintable(body.replace(/=\r?\n/g, ""));
  return body;
}

function decodeQuotedPrintable(text: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "=" && /^[0-9A-F]{2}$/i.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(text[i]!, "utf8"));
  }
  return Buffer.from(bytes).toString("utf8");
}

/** =?UTF-8?Q?…?= and =?UTF-8?B?…?= words in a header. */
export function decodeHeader(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_m, _charset, kind: string, text: string) =>
      kind.toUpperCase() === "B" ? Buffer.from(text, "base64").toString("utf8") : decodeQuotedPrintable(text.replace(/_/g, " ")),
    );
}

function parseMime(raw: string): Pick<ReceivedMail, "headers" | "subject" | "text" | "html"> {
  const { headers, body } = splitHead(raw);
  const parts: { type: string; content: string }[] = [];
  const boundary = /boundary="?([^";]+)"?/i.exec(headers.get("content-type") ?? "")?.[1];
  if (boundary) {
    for (const chunk of body.split(`--${boundary}`).slice(1)) {
      if (chunk.startsWith("--")) break;
      const part = splitHead(chunk.replace(/^\r?\n/, ""));
      parts.push({ type: part.headers.get("content-type") ?? "text/plain", content: decodeBody(part.body.replace(/\r?\n$/, ""), part.headers.get("content-transfer-encoding")) });
    }
  } else {
    parts.push({ type: headers.get("content-type") ?? "text/plain", content: decodeBody(body, headers.get("content-transfer-encoding")) });
  }
  const find = (type: string) => parts.find((p) => p.type.startsWith(type))?.content.replace(/\r\n/g, "\n") ?? "";
  return { headers, subject: decodeHeader(headers.get("subject") ?? ""), text: find("text/plain"), html: find("text/html") };
}
