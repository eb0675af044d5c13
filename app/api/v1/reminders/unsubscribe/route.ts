import { randomUUID } from "node:crypto";
import type { NextRequest } from "next/server";
import { changeChannelByToken } from "@/lib/data/reminders/change-channel-by-token";
import { AppError } from "@/lib/errors";
import { env } from "@/lib/env";
import { toProblem } from "@/lib/http/problem";
import { withLimitedBody } from "@/lib/http/read-body";
import { eventContext } from "@/lib/http/with-route";
import { reminderSigningSecret } from "@/lib/notify/signing-secret";
import { otherMethods } from "@/lib/http/other-methods";

// No session here: the signed token in the link is the authorization (lib/domain/reminders/unsubscribe-token.ts).

const pageFor = (token: string) => `/unsubscribe?token=${encodeURIComponent(token)}`;
const seeOther = (location: string) => new Response(null, { status: 303, headers: { location } });

/** GET — a mail client that opens the List-Unsubscribe URL in a browser lands on the page. */
export function GET(request: NextRequest) {
  return seeOther(pageFor(request.nextUrl.searchParams.get("token") ?? ""));
}

/**
 * POST ?token=… — turns the link's channel off: RFC 8058 one-click (body List-Unsubscribe=One-Click)
 * or the page's button; `action=resubscribe` turns it back on. 403 for a link that does not verify.
 */
export async function POST(request: NextRequest) {
  const requestId = randomUUID();
  try {
    const token = request.nextUrl.searchParams.get("token");
    if (!token) throw new AppError("bad_request", "The unsubscribe link has no token", [{ field: "query.token", message: "required" }]);
    const secret = await reminderSigningSecret();
    if (!secret) throw new Error("NEXTAUTH_SECRET is not set: unsubscribe links cannot be checked");
    // Signed out, so bounded like a JSON body before anything parses it (docs/security.md).
    const limit = { maxBytes: env().KEYLEDGER_JSON_MAX_BYTES, setting: "KEYLEDGER_JSON_MAX_BYTES" };
    const form = /application\/x-www-form-urlencoded|multipart\/form-data/.test(request.headers.get("content-type") ?? "") ? await formOf(await withLimitedBody(request, limit)) : null;
    const { sourceIp, userAgent } = eventContext({ request, requestId });
    const result = await changeChannelByToken({ token, secret, subscribe: form?.get("action") === "resubscribe", sourceIp, userAgent });
    // The page's own form: back to the page, which now confirms the change.
    if (request.headers.get("accept")?.includes("text/html")) return seeOther(pageFor(token));
    return Response.json(result, { headers: { "x-request-id": requestId } });
  } catch (error) {
    return toProblem(error, { instance: request.nextUrl.pathname, requestId });
  }
}

/** A form that does not parse is a 400 naming the body, not a 500. */
async function formOf(request: Request): Promise<FormData> {
  try {
    return await request.formData();
  } catch {
    throw new AppError("bad_request", "The body is not a form", [{ field: "body", message: "is not valid form data" }]);
  }
}

/** Anything else: 405 with Allow (lib/http/other-methods.ts). */
export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET, POST });
