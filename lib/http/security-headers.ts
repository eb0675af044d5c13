// The headers every Keyledger answer carries (docs/security.md): a Content-Security-Policy whose
// scripts must carry this request's nonce, the browser hardening headers around it, HSTS only when
// the browser reached us over https, and no-store on everything but the build's hashed assets.
// Pure on purpose: proxy.ts applies it per request, next.config.ts repeats the static part.

type HeaderSource = { get(name: string): string | null };

/** Headers that never vary. Permissions-Policy denies every powerful feature Keyledger does not use (it copies to the clipboard). */
export const STATIC_SECURITY_HEADERS: ReadonlyArray<readonly [string, string]> = [
  ["X-Content-Type-Options", "nosniff"],
  ["X-Frame-Options", "DENY"],
  ["Referrer-Policy", "no-referrer"],
  ["Cross-Origin-Opener-Policy", "same-origin"],
  ["Cross-Origin-Resource-Policy", "same-origin"],
  [
    "Permissions-Policy",
    "accelerometer=(), autoplay=(), bluetooth=(), browsing-topics=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), " +
      "hid=(), magnetometer=(), microphone=(), midi=(), payment=(), publickey-credentials-get=(), screen-wake-lock=(), serial=(), usb=(), xr-spatial-tracking=()",
  ],
];

export const HSTS = "max-age=31536000; includeSubDomains";

/**
 * The policy of an answer proxy.ts did not see (a request with a body, see its matcher): no nonce,
 * so nothing may run, load or frame it. A JSON answer needs nothing more; a page would fail closed.
 */
export const FALLBACK_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** 128 random bits, base64: a fresh one for every request, so an injected script cannot guess it. */
export function createNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

/**
 * Scripts run only with this request's nonce ('strict-dynamic' lets them load the build's chunks);
 * no 'unsafe-inline' or 'unsafe-eval' for scripts — `next dev` alone needs eval. Style elements need
 * the nonce too; style *attributes* are allowed because React and recharts render `style="…"` on the
 * server (positions and sizes of charts, tooltips), and an attribute cannot run code.
 */
export function contentSecurityPolicy(nonce: string, options: { https: boolean; dev?: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    // next dev injects unnonced <style> elements; a nonce beside 'unsafe-inline' would void it.
    options.dev ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/**
 * True when the browser reached Keyledger over https: the public URL says so, or a reverse proxy the
 * operator trusts (KEYLEDGER_TRUST_PROXY_HOPS > 0) says so in X-Forwarded-Proto. Anyone can write
 * that header, so without a trusted proxy it is ignored — and so is the request URL's scheme, which
 * Next derives from the same header (Keyledger itself only ever serves plain http).
 */
export function servedOverHttps(request: { headers: HeaderSource }, config: { publicUrl: string | undefined; trustProxyHops: number }): boolean {
  if (config.publicUrl?.startsWith("https://")) return true;
  if (config.trustProxyHops <= 0) return false;
  const chain = (request.headers.get("x-forwarded-proto") ?? "").split(",").map((part) => part.trim().toLowerCase());
  return (chain[chain.length - config.trustProxyHops] ?? chain[0]) === "https";
}

/** The build's content-hashed files never change and hold no registry data; everything else does. */
export function isStaticAsset(pathname: string): boolean {
  return pathname.startsWith("/_next/static/") || pathname === "/icon.svg" || pathname === "/favicon.ico";
}

/** Every header for one response, CSP included. */
export function securityHeaders(options: { csp: string; https: boolean; pathname: string }): [string, string][] {
  return [
    ["Content-Security-Policy", options.csp],
    ...STATIC_SECURITY_HEADERS.map(([name, value]): [string, string] => [name, value]),
    ...(options.https ? [["Strict-Transport-Security", HSTS] as [string, string]] : []),
    ...(isStaticAsset(options.pathname) ? [] : [["Cache-Control", "no-store"] as [string, string]]),
  ];
}
