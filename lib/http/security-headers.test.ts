import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, createNonce, isStaticAsset, securityHeaders, servedOverHttps } from "@/lib/http/security-headers";

const directives = (csp: string) => new Map(csp.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1)] as const));

describe("content security policy", () => {
  const csp = directives(contentSecurityPolicy("bm9uY2U=", { https: false }));

  it("lets a script run only with this request's nonce: no inline, no eval", () => {
    expect(csp.get("script-src")).toEqual(["'self'", "'nonce-bm9uY2U='", "'strict-dynamic'"]);
    expect(csp.get("style-src")).toEqual(["'self'", "'nonce-bm9uY2U='"]);
  });

  it("refuses framing, plugins, foreign forms and <base>", () => {
    expect(csp.get("default-src")).toEqual(["'self'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'none'"]);
    expect(csp.get("form-action")).toEqual(["'self'"]);
    expect(csp.has("upgrade-insecure-requests")).toBe(false);
  });

  it("upgrades sub-resources only when served over https", () => {
    expect(directives(contentSecurityPolicy("n", { https: true })).has("upgrade-insecure-requests")).toBe(true);
  });

  it("allows eval only for next dev", () => {
    expect(directives(contentSecurityPolicy("n", { https: false, dev: true })).get("script-src")).toContain("'unsafe-eval'");
  });

  it("makes a new unguessable nonce every time", () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    expect(Buffer.from(createNonce(), "base64")).toHaveLength(16);
  });
});

describe("served over https", () => {
  const request = (url: string, proto?: string) => ({ url, headers: new Headers(proto ? { "x-forwarded-proto": proto } : {}) });

  it.each([
    ["an https public URL", request("http://127.0.0.1:3000/"), { publicUrl: "https://keys.example.com", trustProxyHops: 0 }, true],
    ["a plain http install", request("http://127.0.0.1:3000/"), { publicUrl: "http://localhost:3000", trustProxyHops: 0 }, false],
    ["X-Forwarded-Proto from anyone", request("http://127.0.0.1:3000/", "https"), { publicUrl: undefined, trustProxyHops: 0 }, false],
    ["the https URL Next derives from that header", request("https://127.0.0.1:3000/", "https"), { publicUrl: undefined, trustProxyHops: 0 }, false],
    ["X-Forwarded-Proto from a trusted proxy", request("http://127.0.0.1:3000/", "https"), { publicUrl: undefined, trustProxyHops: 1 }, true],
    ["a trusted proxy that saw http", request("http://127.0.0.1:3000/", "http"), { publicUrl: undefined, trustProxyHops: 1 }, false],
    ["the entry the outer of two trusted proxies wrote", request("http://10.0.0.2/", "https, http"), { publicUrl: undefined, trustProxyHops: 2 }, true],
  ])("%s", (_name, req, config, expected) => {
    expect(servedOverHttps(req, config)).toBe(expected);
  });
});

describe("security headers", () => {
  const names = (options: Parameters<typeof securityHeaders>[0]) => new Map(securityHeaders(options));

  it("sends HSTS only over https", () => {
    expect(names({ csp: "x", https: false, pathname: "/overview" }).has("Strict-Transport-Security")).toBe(false);
    expect(names({ csp: "x", https: true, pathname: "/overview" }).get("Strict-Transport-Security")).toMatch(/^max-age=\d{8}/);
  });

  it("keeps registry data out of every cache, but lets the build's hashed assets be cached", () => {
    expect(names({ csp: "x", https: false, pathname: "/api/v1/secrets" }).get("Cache-Control")).toBe("no-store");
    expect(names({ csp: "x", https: false, pathname: "/api/v1/calendar/klc_x.ics" }).get("Cache-Control")).toBe("no-store");
    expect(names({ csp: "x", https: false, pathname: "/_next/static/chunks/a1b2.js" }).has("Cache-Control")).toBe(false);
    expect(isStaticAsset("/_next/static/media/inter.woff2")).toBe(true);
    expect(isStaticAsset("/_next/data/x.json")).toBe(false);
  });

  it("always sends the browser hardening headers", () => {
    const headers = names({ csp: "x", https: false, pathname: "/" });
    expect(headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(headers.get("X-Frame-Options")).toBe("DENY");
    expect(headers.get("Referrer-Policy")).toBe("no-referrer");
    expect(headers.get("Cross-Origin-Opener-Policy")).toBe("same-origin");
    expect(headers.get("Permissions-Policy")).toMatch(/camera=\(\).*geolocation=\(\).*microphone=\(\)/);
  });
});
