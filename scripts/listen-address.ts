// Where `keyledger start` listens (KEYLEDGER_HOST, loopback by default) and whether that is safe for
// the demo: demo sign-in lets anyone who reaches the server act as any persona, the admin included,
// so off loopback it needs the operator's explicit KEYLEDGER_DEMO=force (docs/security.md).
import { isIP } from "node:net";
import { ConfigError, type Env } from "@/lib/env";

export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, "$1").toLowerCase();
  if (bare === "localhost" || bare.endsWith(".localhost") || bare === "::1") return true;
  const v4 = bare.startsWith("::ffff:") ? bare.slice(7) : bare;
  return isIP(v4) === 4 && v4.startsWith("127.");
}

/** host:port as it goes in a URL ("[::1]:3000"). */
export function hostForUrl(host: string): string {
  return isIP(host) === 6 ? `[${host}]` : host;
}

/** An address to reach the server on from this machine, for the health check. */
export function localProbeHost(host: string): string {
  if (host === "0.0.0.0") return "127.0.0.1";
  if (host === "::" || host === "[::]") return "[::1]";
  return hostForUrl(host);
}

export type DemoExposure = { warning: string[] } | null;

/** Refuses a demo off loopback unless forced; for a forced one, the lines the banner must shout. */
export function demoExposure(e: Pick<Env, "KEYLEDGER_HOST" | "KEYLEDGER_DEMO" | "PORT">, demo: boolean): DemoExposure {
  if (!demo || isLoopbackHost(e.KEYLEDGER_HOST)) return null;
  const where = `${hostForUrl(e.KEYLEDGER_HOST)}:${e.PORT}`;
  if (e.KEYLEDGER_DEMO !== "force") {
    throw new ConfigError(
      `KEYLEDGER_HOST=${e.KEYLEDGER_HOST} is not a loopback address, and demo sign-in lets anyone who can reach it act as any persona, the admin included: ` +
        "serve the demo on 127.0.0.1 (the default), configure a real sign-in provider, or set KEYLEDGER_DEMO=force to expose it anyway",
    );
  }
  const rule = "!".repeat(78);
  return {
    warning: [
      rule,
      `DEMO SIGN-IN IS EXPOSED on ${where} (KEYLEDGER_HOST is not loopback, KEYLEDGER_DEMO=force).`,
      "ANYONE WHO CAN REACH THIS ADDRESS CAN SIGN IN AS ANY DEMO PERSONA, INCLUDING THE ADMIN.",
      "Only do this on a network you trust, for a throw-away demo.",
      rule,
    ],
  };
}
