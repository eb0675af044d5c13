import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { demoExposure, isLoopbackHost, localProbeHost } from "@/scripts/listen-address";

describe("isLoopbackHost", () => {
  it.each(["127.0.0.1", "127.1.2.3", "localhost", "::1", "[::1]", "::ffff:127.0.0.1"])("%s is loopback", (host) => {
    expect(isLoopbackHost(host)).toBe(true);
  });
  it.each(["0.0.0.0", "::", "192.168.1.10", "10.0.0.5", "keyledger.example.com", "128.0.0.1"])("%s is not", (host) => {
    expect(isLoopbackHost(host)).toBe(false);
  });
});

describe("demoExposure", () => {
  const env = (vars: Record<string, string>) => parseEnv(vars);

  it("lets the demo serve on loopback, and anything serve anywhere without the demo", () => {
    expect(demoExposure(env({}), true)).toBeNull();
    expect(demoExposure(env({ KEYLEDGER_HOST: "0.0.0.0" }), false)).toBeNull();
  });

  it("refuses the demo on every interface unless forced, saying how to go on", () => {
    expect(() => demoExposure(env({ KEYLEDGER_HOST: "0.0.0.0" }), true)).toThrow(/KEYLEDGER_HOST=0\.0\.0\.0 is not a loopback address.*KEYLEDGER_DEMO=force/);
  });

  it("shouts, when forced, that anyone who can reach it can sign in as the admin", () => {
    const exposure = demoExposure(env({ KEYLEDGER_HOST: "0.0.0.0", KEYLEDGER_DEMO: "force", PORT: "3100" }), true);
    expect(exposure?.warning.join("\n")).toMatch(/EXPOSED on 0\.0\.0\.0:3100[\s\S]*ANYONE WHO CAN REACH THIS ADDRESS CAN SIGN IN AS ANY DEMO PERSONA, INCLUDING THE ADMIN/);
  });

  it("probes a wildcard address through loopback", () => {
    expect(localProbeHost("0.0.0.0")).toBe("127.0.0.1");
    expect(localProbeHost("::")).toBe("[::1]");
    expect(localProbeHost("::1")).toBe("[::1]");
  });
});
