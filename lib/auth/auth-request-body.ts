import "server-only";
// next-auth reads its own request bodies whole; it gets a copy read within a small, fixed limit, so
// a 50 MB POST to the sign-in callback is refused with 413 before it is read (docs/security.md).
import { NextRequest } from "next/server";
import { AppError } from "@/lib/errors";
import { AUTH_BODY_LIMIT } from "@/lib/auth/auth-body-limit";
import { readLimitedBytes } from "@/lib/http/read-body";


export type LimitedAuthRequest = { request: NextRequest; form: URLSearchParams };

/** The request with its body read within the limit, and that body's fields (form or JSON) for the rate limit. */
export async function readAuthRequest(request: NextRequest): Promise<LimitedAuthRequest> {
  if (request.method === "GET" || request.method === "HEAD") return { request, form: new URLSearchParams() };
  const bytes = await readLimitedBytes(request, AUTH_BODY_LIMIT);
  const copy = new NextRequest(request.nextUrl, { method: request.method, headers: request.headers, body: bytes.byteLength ? (bytes as Uint8Array<ArrayBuffer>) : null });
  return { request: copy, form: fields(request.headers.get("content-type") ?? "", new TextDecoder().decode(bytes)) };
}

function fields(type: string, text: string): URLSearchParams {
  if (type.includes("application/x-www-form-urlencoded")) return new URLSearchParams(text);
  if (!type.includes("application/json")) return new URLSearchParams();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    // next-auth would throw on it and answer 500.
    throw new AppError("bad_request", "The body is not valid JSON", [{ field: "body", message: error instanceof Error ? error.message : "not JSON" }]);
  }
  const entries = parsed && typeof parsed === "object" ? Object.entries(parsed).filter(([, v]) => typeof v === "string") : [];
  return new URLSearchParams(entries as [string, string][]);
}
