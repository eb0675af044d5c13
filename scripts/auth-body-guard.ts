// next-auth requests whose body could be large are answered here, before Next.js reads a byte of it
// (Next's proxy step reads a request's whole body before any route sees it): a Content-Length past
// the sign-in endpoints' limit gets 413, and a body without a Content-Length (chunked) gets 411 —
// browsers and next-auth's client always declare the length of their small forms.
import type { IncomingMessage, ServerResponse } from "node:http";
import { AUTH_BODY_LIMIT } from "@/lib/auth/auth-body-limit";
import { problemBody } from "@/lib/http/problem";
import { tooLarge } from "@/lib/byte-limit";

export function refuseOversizedAuthBody(request: IncomingMessage, response: ServerResponse): boolean {
  const path = (request.url ?? "").split("?")[0] ?? "";
  if (!/^\/+api\/+auth(\/|$)/.test(path)) return false;
  const declared = request.headers["content-length"]?.trim();
  if (declared === undefined && request.headers["transfer-encoding"] !== undefined) {
    refuse(response, request, 411, "length_required", "Send the sign-in request with a Content-Length", [
      { field: "body", message: `a Content-Length of at most ${AUTH_BODY_LIMIT.maxBytes} bytes` },
    ]);
    return true;
  }
  if (!declared || !/^\d+$/.test(declared) || Number(declared) <= AUTH_BODY_LIMIT.maxBytes) return false;
  const error = tooLarge(AUTH_BODY_LIMIT);
  refuse(response, request, 413, "payload_too_large", error.message, error.fields);
  return true;
}

type Field = { field: string; message: string };

function refuse(response: ServerResponse, request: IncomingMessage, status: number, code: string, message: string, errors: Field[]) {
  const instance = (request.url ?? "").split("?")[0] ?? "";
  const detail = `${message}: ${errors.map((f) => `${f.field} — ${f.message}`).join("; ")}`;
  const body = JSON.stringify(problemBody({ code, status, detail, instance, errors }));
  response.writeHead(status, {
    "content-type": "application/problem+json",
    "content-length": Buffer.byteLength(body),
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
    connection: "close",
  });
  // The rest of the body is never read: the connection closes once the answer is out.
  response.end(body, () => request.socket.destroy());
}
