// The web process `keyledger start` runs: Next.js through its custom-server API, behind a plain Node
// HTTP server bound to KEYLEDGER_HOST:PORT (loopback by default). It exists for one thing Next's own
// server cannot do: tell route handlers who the TCP peer is. Every request's client-address header
// is replaced with the peer (or the trusted proxies' X-Forwarded-For entry) before Next sees it, and
// an oversized sign-in request is refused before Next reads its body.
import { once } from "node:events";
import http from "node:http";
import path from "node:path";
import next from "next";
import { env } from "@/lib/env";
import { refuseOversizedAuthBody } from "@/scripts/auth-body-guard";
import { hostForUrl } from "@/scripts/listen-address";
import { stampClientAddress } from "@/scripts/peer-address";

const root = path.resolve(import.meta.dirname, "..");

async function serve() {
  const e = env();
  const app = next({ dev: false, dir: root, hostname: e.KEYLEDGER_HOST, port: e.PORT });
  const handle = app.getRequestHandler();
  await app.prepare();

  const server = http.createServer((request, response) => {
    closeIfBodyUnread(request, response);
    stampClientAddress(request, e.KEYLEDGER_TRUST_PROXY_HOPS);
    if (refuseOversizedAuthBody(request, response)) return;
    handle(request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500, { "content-type": "text/plain" });
      response.end("Internal error");
    });
  });
  // Idle keep-alive connections outlive the client's and a load balancer's idle timeout (60 s is
  // common): when the server closed first, at Node's default 5 s, a client reusing the socket at that
  // instant got a reset instead of an answer.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.listen(e.PORT, e.KEYLEDGER_HOST);
  await Promise.race([once(server, "listening"), once(server, "error").then(([error]) => Promise.reject(error))]);
  console.log(`keyledger web: listening on http://${hostForUrl(e.KEYLEDGER_HOST)}:${e.PORT}`);

  // `keyledger start` stops this process first (SIGTERM; SIGINT reaches it too on Ctrl-C).
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

/**
 * An answer sent before its request's body was read (a 413, a refusal) closes the connection. Left
 * open, the unread rest of the body would be parsed as the next request of a client that reuses the
 * socket — and that request would never be answered.
 */
function closeIfBodyUnread(request: http.IncomingMessage, response: http.ServerResponse) {
  const writeHead = response.writeHead;
  response.writeHead = function (this: http.ServerResponse, ...args: Parameters<typeof writeHead>) {
    if (!request.complete && !this.headersSent) this.setHeader("connection", "close");
    return writeHead.apply(this, args);
  } as typeof writeHead;
}

serve().catch((error: unknown) => {
  console.error(`keyledger web: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
