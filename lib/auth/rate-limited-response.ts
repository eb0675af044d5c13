import "server-only";
// A sign-in attempt over the limit: 429 with Retry-After for the sign-in page's fetch and for API
// clients (with the page to show, as next-auth's client expects), and the sign-in page itself for a
// browser coming back from the identity provider, saying when to try again.
import type { SignInVerdict } from "@/lib/data/auth/sign-in-limits";
import { problemResponse } from "@/lib/http/problem";

type Refusal = Extract<SignInVerdict, { allowed: false }>;
type How = { wantsJson: boolean; navigation: boolean; instance: string; requestId: string };

export function signInPageFor(refusal: Refusal): string {
  return `/sign-in?${new URLSearchParams({ error: "RateLimited", retryAfter: String(refusal.retryAfterSeconds) })}`;
}

export function rateLimitedResponse(refusal: Refusal, how: How): Response {
  const retryAfter = String(refusal.retryAfterSeconds);
  const headers = { "retry-after": retryAfter, "cache-control": "no-store" };
  if (how.navigation && !how.wantsJson) return new Response(null, { status: 303, headers: { ...headers, location: signInPageFor(refusal) } });
  const minutes = Math.ceil(refusal.retryAfterSeconds / 60);
  return problemResponse(
    {
      code: "rate_limited",
      title: "Too many sign-in attempts",
      status: 429,
      detail: `Too many sign-in attempts from this ${refusal.limitedBy}: try again in ${minutes} minute${minutes === 1 ? "" : "s"}`,
      instance: how.instance,
      requestId: how.requestId,
      errors: [{ field: refusal.limitedBy, message: `over the sign-in limit for ${retryAfter} more seconds` }],
    },
    headers,
    // next-auth's signIn() on the sign-in page follows `url`.
    { retryAfterSeconds: refusal.retryAfterSeconds, url: signInPageFor(refusal) },
  );
}
