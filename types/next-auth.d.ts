import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface Session {
    user: { id: string; email: string; name: string };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    personId?: string;
    /** The auth_sessions row this cookie belongs to: sign-out and offboarding end it. */
    sessionId?: string;
  }
}
