import { describe, expect, it } from "vitest";
import { safeCallbackPath, safeCallbackUrl } from "@/lib/auth/safe-callback";

const BASE = "http://localhost:3199";

describe("safeCallbackPath", () => {
  it("keeps a path on Keyledger, with its query and fragment", () => {
    expect(safeCallbackPath("/inventory?tier=1#top", BASE)).toBe("/inventory?tier=1#top");
    expect(safeCallbackPath(`${BASE}/secrets/abc`, BASE)).toBe("/secrets/abc");
  });

  it.each([
    "//evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "\t//evil.example",
    "/\\\t\\evil.example",
    "https://evil.example",
    "https://evil.example/sign-in",
    "http://localhost:3199@evil.example",
    "HTTPS:evil.example",
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "http://localhost:3198/",
  ])("sends %j home instead of off-site", (candidate) => {
    expect(safeCallbackPath(candidate, BASE)).toBe("/");
  });

  it("never answers a path a browser would read as another host", () => {
    for (const candidate of ["/.//evil.example", "/./\\evil.example", "/%2e//evil.example"]) {
      const path = safeCallbackPath(candidate, BASE);
      expect(path).toBe("/");
      expect(new URL(path, BASE).origin).toBe(BASE);
    }
  });

  it("answers / for nothing at all", () => {
    expect(safeCallbackPath(undefined, BASE)).toBe("/");
    expect(safeCallbackPath("", BASE)).toBe("/");
  });

  it("gives next-auth an absolute URL on the same origin", () => {
    expect(safeCallbackUrl("/overview", BASE)).toBe(`${BASE}/overview`);
    expect(safeCallbackUrl("/\\evil.example", BASE)).toBe(`${BASE}/`);
  });
});
