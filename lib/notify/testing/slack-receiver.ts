// Tests only: a local HTTP server standing in for a Slack incoming webhook. It keeps every JSON body
// and answers "ok", or whatever the test queued next (a 500, a 429 with Retry-After, a 404 no_service).
import http from "node:http";
import type { AddressInfo } from "node:net";

type Answer = { status: number; body: string; headers?: Record<string, string> };
export type SlackReceiver = {
  url: string;
  messages: { path: string; body: { text: string; blocks: Record<string, unknown>[] } }[];
  /** Answers for the next requests, in order; then "ok" again. */
  answers: Answer[];
  requests: number;
  close: () => Promise<void>;
};

export async function startSlackReceiver(): Promise<SlackReceiver> {
  const receiver = { messages: [], answers: [], requests: 0 } as unknown as SlackReceiver;
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (c: Buffer) => chunks.push(c));
    request.on("end", () => {
      receiver.requests += 1;
      const answer = receiver.answers.shift() ?? { status: 200, body: "ok" };
      if (answer.status === 200) receiver.messages.push({ path: request.url ?? "", body: JSON.parse(Buffer.concat(chunks).toString("utf8")) });
      response.writeHead(answer.status, { "content-type": "text/plain", ...answer.headers }).end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  receiver.url = `http://127.0.0.1:${port}/services/T0LOCAL/B0LOCAL/localwebhooktoken`;
  receiver.close = () => new Promise((resolve) => server.close(() => resolve()));
  return receiver;
}
