import { randomUUID } from "node:crypto";
import type { NextRequest } from "next/server";
import { changeChannelByToken } from "@/lib/data/reminders/change-channel-by-token";
import { AppError } from "@/lib/errors";
import { toProblem } from "@/lib/http/problem";
import { eventContext } from "@/lib/http/with-route";
import { reminderSigningSecret } from "@/lib/notify/signing-secret";

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
    const form = /application\/x-www-form-urlencoded|multipart\/form-data/.test(request.headers.get("content-type") ?? "") ? await request.formData() : null;
    const { sourceIp, userAgent } = eventContext({ request, requestId });
    const result = await changeChannelByToken({ token, secret, subscribe: form?.get("action") === "resubscribe", sourceIp, userAgent });
    // The page's own form: back to the page, which now confirms the change.
    if (request.headers.get("accept")?.includes("text/html")) return seeOther(pageFor(token));
    return Response.json(result, { headers: { "x-request-id": requestId } });
  } catch (error) {
    return toProblem(error, { instance: request.nextUrl.pathname, requestId });
  }
}
