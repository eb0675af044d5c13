// Redirects only: a request without a session goes to the sign-in page. This is not the security
// boundary (it can be bypassed, CVE-2025-29927): withRoute and the DAL enforce access.
import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";

export async function proxy(request: NextRequest) {
  const token = await getToken({ req: request, secret: env().NEXTAUTH_SECRET });
  if (token) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = "/sign-in";
  url.search = `?callbackUrl=${encodeURIComponent(request.nextUrl.pathname + request.nextUrl.search)}`;
  return NextResponse.redirect(url);
}

export const config = {
  // /unsubscribe is public: the signed token in a reminder link is its authorization.
  matcher: ["/((?!api/|_next/|sign-in|unsubscribe|icon.svg|favicon.ico).*)"],
};
