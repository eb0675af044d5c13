// Next.js calls register() once as the server starts, before it answers a request. From then on
// every console line and stream write of the web process goes through the redacting logger
// (lib/log-console.ts, docs/security.md). NEXT_RUNTIME is Next's build-time constant, not configuration.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { routeConsoleThroughLog } = await import("@/lib/log-console");
  routeConsoleThroughLog();
}
