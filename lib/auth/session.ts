import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { getToken } from "next-auth/jwt";
import type { Actor } from "@/lib/auth/actor";
import { usesSecureCookies } from "@/lib/auth/options";
import { getActiveActor } from "@/lib/data/people/get-active-actor";
import { env } from "@/lib/env";

/**
 * The signed-in, still-active person for this request, or null. Cached per request. The cookie
 * alone is not enough: its session row must still be open (sign-out and offboarding end it).
 */
export const getSessionActor = cache(async (): Promise<Actor | null> => {
  const jar = Object.fromEntries((await cookies()).getAll().map((c) => [c.name, c.value]));
  // Only the session cookie: no headers, so getToken cannot fall back to an Authorization header.
  const token = await getToken({ req: { cookies: jar, headers: {} } as never, secret: env().NEXTAUTH_SECRET, secureCookie: usesSecureCookies() });
  if (!token?.personId || !token.sessionId) return null;
  return getActiveActor({ personId: token.personId, sessionId: token.sessionId });
});
