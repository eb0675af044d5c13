import "server-only";
import type { NextAuthOptions } from "next-auth";
import { env, publicBaseUrl, type Env } from "@/lib/env";
import { configuredProviders } from "@/lib/auth/providers";
import { safeCallbackUrl } from "@/lib/auth/safe-callback";
import { auditRateLimited, auditSignIn } from "@/lib/auth/sign-in-audit";
import { currentSignInAttempt } from "@/lib/auth/sign-in-context";
import { createAuthSession } from "@/lib/data/auth/create-auth-session";
import { endAuthSession } from "@/lib/data/auth/end-auth-session";
import { nameSignInAccount } from "@/lib/data/auth/name-sign-in-account";
import { createFirstAdmin } from "@/lib/data/people/create-first-admin";
import { findPersonByEmail } from "@/lib/data/people/find-person-by-email";
import { getActiveActor } from "@/lib/data/people/get-active-actor";
import { log } from "@/lib/log";

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

/** Only people in the registry get in (demo: only the personas); ADMIN_EMAILS lets the first admin create themselves. */
async function admit(email: string | null | undefined, name: string | null | undefined, provider: string | undefined) {
  if (!email) return null;
  const person = await findPersonByEmail({ email });
  if (person) return person.status === "active" && (provider !== "demo" || person.demoPersona) ? person : null;
  if (provider !== "demo" && env().ADMIN_EMAILS.includes(email.toLowerCase())) return createFirstAdmin({ email, name: name ?? email });
  return null;
}

/** An OIDC or GitHub attempt's account is known only now: hold it to its limit before admitting it. */
async function withinAccountLimit(email: string): Promise<boolean> {
  const attempt = currentSignInAttempt();
  if (!attempt) return true;
  attempt.account = email.toLowerCase();
  const verdict = await nameSignInAccount({ attemptId: attempt.attemptId, account: email });
  if (verdict.allowed) return true;
  attempt.refused = verdict;
  await auditRateLimited(attempt, verdict);
  return false;
}

/** Session cookies carry the Secure flag (and the __Secure- prefix) whenever Keyledger is served over https. */
export function usesSecureCookies(e: Env = env()): boolean {
  return publicBaseUrl(e).startsWith("https://");
}

class SessionEnded extends Error {
  constructor() {
    super("the session was ended (signed out, offboarded or expired)");
  }
}

/** next-auth's own log lines go through the redacting logger; an ended session is routine, not an error. */
const logger: NextAuthOptions["logger"] = {
  error: (code, metadata) => (metadata instanceof SessionEnded ? log.debug(`next-auth: ${code}`, { reason: metadata.message }) : log.error(`next-auth: ${code}`, { metadata })),
  warn: (code) => log.warn(`next-auth: ${code}`),
  debug: (code, metadata) => log.debug(`next-auth: ${code}`, { metadata }),
};

let cached: NextAuthOptions | undefined;

export function authOptions(): NextAuthOptions {
  cached ??= {
    secret: env().NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    useSecureCookies: usesSecureCookies(),
    pages: { signIn: "/sign-in", error: "/sign-in" },
    logger,
    providers: configuredProviders(),
    callbacks: {
      async signIn({ user, account }) {
        if (account?.type === "oauth" && user.email && !(await withinAccountLimit(user.email))) return false;
        return (await admit(user.email, user.name, account?.provider)) !== null;
      },
      // After sign-in (and sign-out) only a path on Keyledger itself: an open redirect is a phishing tool.
      async redirect({ url, baseUrl }) {
        return safeCallbackUrl(url, baseUrl);
      },
      async jwt({ token, user, account }) {
        if (user?.email) {
          const person = await findPersonByEmail({ email: user.email });
          token.personId = person?.id;
          token.name = person?.name ?? token.name;
          if (person) token.sessionId = await createAuthSession({ personId: person.id, provider: account?.provider ?? "unknown", maxAgeSeconds: SESSION_MAX_AGE_SECONDS });
        }
        return token;
      },
      // /api/auth/session answers {} for an ended session too (and next-auth clears the cookie).
      async session({ session, token }) {
        const actor = token.personId && token.sessionId ? await getActiveActor({ personId: token.personId, sessionId: token.sessionId }) : null;
        if (!actor) throw new SessionEnded();
        session.user = { id: actor.id, email: actor.email, name: actor.name };
        return session;
      },
    },
    events: {
      async signIn({ user, account }) {
        const attempt = currentSignInAttempt();
        if (attempt) attempt.succeeded = true;
        if (!user.email) return;
        const who = attempt ?? { provider: account?.provider ?? "unknown", address: null, userAgent: null };
        await auditSignIn({ ...who, account: user.email });
      },
      async signOut({ token }) {
        if (token?.sessionId) await endAuthSession({ sessionId: token.sessionId, reason: "sign_out" });
      },
    },
  };
  return cached;
}
