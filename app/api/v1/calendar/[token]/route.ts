// GET /api/v1/calendar/<token>.ics — the public calendar feed. No session: the token in the path is
// the credential, so it is never echoed, logged or put in a problem's `instance`. An unknown, bad or
// revoked token gets the same 404.
import { randomUUID } from "node:crypto";
import type { NextRequest } from "next/server";
import { getCalendarDocument, type CalendarDocument } from "@/lib/data/calendar-feeds/get-calendar-document";
import { env, publicBaseUrl } from "@/lib/env";
import { problemResponse, toProblem } from "@/lib/http/problem";
import { otherMethods } from "@/lib/http/other-methods";

const INSTANCE = "/api/v1/calendar/{token}.ics";

export async function GET(request: NextRequest, { params }: { params: Promise<{ token: string }> }) {
  const requestId = randomUUID();
  try {
    const { token: file } = await params;
    const token = file.endsWith(".ics") ? file.slice(0, -".ics".length) : null;
    const document = token ? await getCalendarDocument({ token, baseUrl: publicBaseUrl(env(), request.nextUrl.origin) }) : null;
    if (!document) return problemResponse({ code: "not_found", status: 404, detail: "No such calendar feed (it may have been revoked)", instance: INSTANCE, requestId });
    const headers = {
      etag: document.etag,
      "last-modified": document.lastModified.toUTCString(),
      // What it lists is registry data: no cache keeps it (proxy.ts says the same). ETag still saves the body.
      "cache-control": "no-store",
      "x-request-id": requestId,
    };
    if (notModified(request, document)) return new Response(null, { status: 304, headers });
    return new Response(document.body, {
      headers: { ...headers, "content-type": "text/calendar; charset=utf-8", "content-disposition": 'inline; filename="keyledger-rotations.ics"', "x-robots-tag": "noindex" },
    });
  } catch (error) {
    return toProblem(error, { instance: INSTANCE, requestId });
  }
}

/** RFC 9110 §13.1: If-None-Match wins; If-Modified-Since counts only without it. */
function notModified(request: NextRequest, document: CalendarDocument): boolean {
  const ifNoneMatch = request.headers.get("if-none-match");
  if (ifNoneMatch !== null) {
    return ifNoneMatch.trim() === "*" || ifNoneMatch.split(",").some((tag) => tag.trim().replace(/^W\//, "") === document.etag);
  }
  const since = Date.parse(request.headers.get("if-modified-since") ?? "");
  return !Number.isNaN(since) && document.lastModified.getTime() <= since;
}

/** Anything else: 405 with Allow (lib/http/other-methods.ts). */
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET }, { instance: INSTANCE });
