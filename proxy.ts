// Runs before every request: gives it a fresh CSP nonce (Next puts it on its own scripts) and the
// security headers (lib/http/security-headers.ts, docs/security.md), and sends a page request
// without a session to the sign-in page. That redirect is not the security boundary (a proxy can be
// bypassed, CVE-2025-29927): withRoute and the DAL enforce access.
import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { contentSecurityPolicy, createNonce, securityHeaders, servedOverHttps } from "@/lib/http/security-headers";

// Served without a session: the API answers 401 itself, /unsubscribe's signed token is its authorization.
const PUBLIC = /^\/(api\/|_next\/|sign-in|unsubscribe|icon\.svg|favicon\.ico)/;

export async function proxy(request: NextRequest) {
  const e = env();
  const https = servedOverHttps(request, { publicUrl: e.NEXTAUTH_URL, trustProxyHops: e.KEYLEDGER_TRUST_PROXY_HOPS });
  const csp = contentSecurityPolicy(createNonce(), { https, dev: e.NODE_ENV === "development" });
  const response = await signedInOrRedirect(request, csp, e.NEXTAUTH_SECRET);
  for (const [name, value] of securityHeaders({ csp, https, pathname: request.nextUrl.pathname })) response.headers.set(name, value);
  return response;
}

async function signedInOrRedirect(request: NextRequest, csp: string, secret: string | undefined) {
  if (PUBLIC.test(request.nextUrl.pathname) || (await getToken({ req: request, secret }))) {
    // Next reads the nonce from the request's CSP header while it renders.
    const headers = new Headers(request.headers);
    headers.set("content-security-policy", csp);
    return NextResponse.next({ request: { headers } });
  }
  const url = request.nextUrl.clone();
  url.pathname = "/sign-in";
  url.search = `?callbackUrl=${encodeURIComponent(request.nextUrl.pathname + request.nextUrl.search)}`;
  return NextResponse.redirect(url);
}

export const config = {
  // Every request, static assets included — except one with a body: for those Next copies the body
  // through the proxy, holding it in memory and cutting it at proxyClientMaxBodySize (10 MB), which
  // would defeat the routes' own limits (lib/http/read-body.ts). Their answers get next.config.ts's headers.
  matcher: [{ source: "/:path*", missing: [{ type: "header", key: "content-length" }, { type: "header", key: "transfer-encoding" }] }],
};
