import "server-only";
import type { NextAuthOptions } from "next-auth";
import { env } from "@/lib/env";
import { configuredProviders } from "@/lib/auth/providers";
import { recordKeyledgerEvent } from "@/lib/data/access-events/record-keyledger-event";
import { createFirstAdmin } from "@/lib/data/people/create-first-admin";
import { findPersonByEmail } from "@/lib/data/people/find-person-by-email";

const EIGHT_HOURS = 8 * 60 * 60;

/** Only people in the registry get in; ADMIN_EMAILS lets the first admin create themselves. */
async function admit(email: string | null | undefined, name: string | null | undefined) {
  if (!email) return null;
  const person = await findPersonByEmail({ email });
  if (person) return person.status === "active" ? person : null;
  if (env().ADMIN_EMAILS.includes(email.toLowerCase())) return createFirstAdmin({ email, name: name ?? email });
  return null;
}

let cached: NextAuthOptions | undefined;

export function authOptions(): NextAuthOptions {
  cached ??= {
    secret: env().NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: EIGHT_HOURS },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: configuredProviders(),
    callbacks: {
      async signIn({ user }) {
        return (await admit(user.email, user.name)) !== null;
      },
      async jwt({ token, user }) {
        if (user?.email) {
          const person = await findPersonByEmail({ email: user.email });
          token.personId = person?.id;
          token.name = person?.name ?? token.name;
        }
        return token;
      },
      async session({ session, token }) {
        session.user = { id: token.personId ?? "", email: token.email ?? "", name: token.name ?? "" };
        return session;
      },
    },
    events: {
      async signIn({ user, account }) {
        if (!user.email) return;
        await recordKeyledgerEvent({
          event: { actor: user.email, action: "other", rawAction: "auth.sign_in", authSource: account?.provider ?? "unknown" },
        });
      },
    },
  };
  return cached;
}
