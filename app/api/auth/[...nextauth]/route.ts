// next-auth's own protocol endpoints (sign-in, callbacks, CSRF, session). They authenticate, so
// they sit outside withRoute; the registry check lives in lib/auth/options.ts.
import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";

type Context = { params: Promise<{ nextauth: string[] }> };

async function handler(request: Request, context: Context) {
  return NextAuth(request as never, context as never, authOptions());
}

export { handler as GET, handler as POST };
