// E-mail through any SMTP server (nodemailer), configured by one URL: smtp://host:587 upgrades with
// STARTTLS when the server offers it, smtps://host:465 is TLS from the start; user:password in the
// URL authenticates. Each digest carries List-Unsubscribe and one-click List-Unsubscribe-Post.
import nodemailer from "nodemailer";
import { DeliveryError, type EmailMessage, type EmailTransport } from "@/lib/notify/transports";

type SmtpFailure = Error & { code?: string; responseCode?: number; response?: string; command?: string };

export function createSmtpTransport({ url, from, timeoutMs = 30_000 }: { url: string; from: string; timeoutMs?: number }): EmailTransport {
  // One pooled connection for a run's digests; close() ends it when the run is over.
  const transport = nodemailer.createTransport(url, {
    from,
    pool: true,
    maxConnections: 1,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    logger: false,
    debug: false,
  } as Parameters<typeof nodemailer.createTransport>[1]);

  return {
    send: async (message: EmailMessage) => {
      try {
        await transport.sendMail({
          to: message.to,
          subject: message.subject,
          text: message.text,
          html: message.html,
          list: { unsubscribe: message.oneClickUrl },
          headers: {
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            // An automatic message: no vacation auto-replies, please.
            "Auto-Submitted": "auto-generated",
            "X-Auto-Response-Suppress": "All",
          },
        });
      } catch (error) {
        throw new DeliveryError(describeSmtpFailure(error as SmtpFailure));
      }
    },
    close: () => transport.close(),
  };
}

/** "SMTP server refused the message (550): 5.1.1 <x@example.com>: Recipient address rejected". */
function describeSmtpFailure(error: SmtpFailure): string {
  if (error.responseCode) {
    const reply = (error.response ?? error.message).replace(/\s+/g, " ").trim();
    const what = error.code === "EAUTH" ? "SMTP server refused the login" : "SMTP server refused the message";
    return `${what} (${error.responseCode}${error.command ? ` after ${error.command.split(" ")[0]}` : ""}): ${reply}`;
  }
  if (error.code === "ETIMEDOUT") return "SMTP server did not answer in time";
  if (error.code === "ECONNECTION" || error.code === "ESOCKET" || error.code === "EDNS") return `could not reach the SMTP server: ${error.message}`;
  if (error.code === "EENVELOPE") return `SMTP envelope refused: ${error.message}`;
  return `SMTP delivery failed: ${error.message}`;
}
