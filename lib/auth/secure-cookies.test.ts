// Behind https the session, CSRF and callback cookies are Secure (and __Secure-/__Host- prefixed);
// checked through next-auth's own handler with Keyledger's options.
import { createRequire } from "node:module";
import path from "node:path";
import type { NextAuthOptions } from "next-auth";
import { describe, expect, it, vi } from "vitest";

type Answer = { cookies?: { name: string; options: { secure?: boolean } }[] };
// next-auth's framework-free core (not in its package exports): the handler its Next.js adapter calls.
const { AuthHandler } = createRequire(import.meta.url)(path.resolve("node_modules/next-auth/core/index.js")) as {
  AuthHandler: (args: { req: Record<string, unknown>; options: NextAuthOptions }) => Promise<Answer>;
};

async function cookiesFrom(nextAuthUrl: string) {
  vi.resetModules();
  process.env.NEXTAUTH_URL = nextAuthUrl;
  process.env.NEXTAUTH_SECRET = "s".repeat(32);
  const { authOptions, usesSecureCookies } = await import("@/lib/auth/options");
  const answer = await AuthHandler({ req: { action: "csrf", method: "GET", headers: {}, cookies: {}, query: {}, body: {} }, options: authOptions() });
  return { secure: usesSecureCookies(), cookies: answer.cookies ?? [] };
}

describe("session cookies", () => {
  it("are Secure, with the __Host- prefix, when Keyledger is served over https", async () => {
    const { secure, cookies } = await cookiesFrom("https://keyledger.example.com");
    expect(secure).toBe(true);
    expect(cookies.map((c) => [c.name, c.options.secure])).toEqual([
      ["__Host-next-auth.csrf-token", true],
      ["__Secure-next-auth.callback-url", true],
    ]);
  });

  it("are not Secure on plain http (the local demo), where a browser would drop them", async () => {
    const { secure, cookies } = await cookiesFrom("http://localhost:3000");
    expect(secure).toBe(false);
    expect(cookies.map((c) => [c.name, c.options.secure])).toEqual([
      ["next-auth.csrf-token", false],
      ["next-auth.callback-url", false],
    ]);
  });
});
