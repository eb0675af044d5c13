// The authorization matrix the e2e spec drives (e2e/fixtures/route-matrix.ts) against the route
// files themselves: every exported handler under app/api/v1 has an entry, and the entry names the
// permission and audit action the handler's wrapper is given — so the table cannot say one thing
// while the route does another. e2e/authorization.spec.ts then proves each answer over HTTP.
import { describe, expect, it } from "vitest";
import { PERMISSIONS } from "@/lib/auth/permissions";
import { apiHandlers, dashboardPages } from "@/e2e/fixtures/route-files";
import { ROUTE_MATRIX } from "@/e2e/fixtures/route-matrix";
import { PAGE_MATRIX } from "@/e2e/fixtures/page-matrix";

const all = apiHandlers();
const handlers = all.filter((h) => !h.refused);

/** What a handler's source says it needs: withRoute's permission, withTokenRoute's token, or nothing. */
function declaredAccess(source: string): string {
  if (/withTokenRoute\(/.test(source)) return "token";
  const permission = /withRoute\(\s*\{[\s\S]*?permission:\s*"([^"]+)"/.exec(source)?.[1];
  return permission ?? "no session";
}

describe("the authorization matrix", () => {
  it("finds the API handlers in the route files", () => {
    expect(handlers.length).toBeGreaterThanOrEqual(48);
    expect(handlers.map((h) => h.key)).toContain("PUT /api/v1/secrets/[id]/roles/[role]");
    expect(dashboardPages()).toContain("/people/[id]/offboard");
    const keys = all.map((h) => h.key);
    expect(keys.filter((key, i) => keys.indexOf(key) !== i), "a method both implemented and refused").toEqual([]);
  });

  it("has an entry for every handler and none for a handler that is gone", () => {
    const missing = handlers.filter((h) => !ROUTE_MATRIX[h.key]).map((h) => `${h.key} (${h.file})`);
    expect(missing, "add these to ROUTE_MATRIX in e2e/fixtures/route-matrix.ts").toEqual([]);
    expect(Object.keys(ROUTE_MATRIX).filter((key) => !handlers.some((h) => h.key === key))).toEqual([]);
    expect(dashboardPages().filter((p) => !PAGE_MATRIX[p]), "add these to PAGE_MATRIX in e2e/fixtures/page-matrix.ts").toEqual([]);
  });

  it("names the permission each handler's wrapper checks", () => {
    for (const handler of handlers) {
      const entry = ROUTE_MATRIX[handler.key];
      if (!entry) continue;
      const declared = declaredAccess(handler.source);
      if (declared === "no session") expect(["public", "token"], `${handler.key} checks no session`).toContain(entry.access);
      else expect(entry.access, handler.key).toBe(declared);
      if (entry.access !== "public" && entry.access !== "token") expect(PERMISSIONS, handler.key).toHaveProperty([entry.access]);
    }
  });

  it("names the audit action each handler records", () => {
    for (const handler of handlers) {
      const declared = /rawAction:\s*"([^"]+)"/.exec(handler.source)?.[1];
      expect(ROUTE_MATRIX[handler.key]?.audits, handler.key).toBe(declared);
    }
  });

  it("stops every write of a role that holds its permission right after authorization: an invalid body or an id nothing has", () => {
    for (const handler of handlers.filter((h) => h.method !== "GET")) {
      const entry = ROUTE_MATRIX[handler.key]!;
      if (entry.access === "public" || entry.access === "token") continue;
      expect([404, 422], `${handler.key} passes with`).toContain(entry.passes);
    }
  });
});
