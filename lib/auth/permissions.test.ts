import { describe, expect, it } from "vitest";
import { can, PERMISSIONS, ROLE_PERMISSIONS, ROLES } from "@/lib/auth/permissions";

describe("permission table", () => {
  it("gives admins every permission", () => {
    for (const permission of Object.keys(PERMISSIONS)) expect(can("admin", permission as keyof typeof PERMISSIONS)).toBe(true);
  });

  it("keeps the read-only roles away from every change", () => {
    for (const role of ["auditor", "sales"] as const) {
      expect(can(role, "ownership:assign")).toBe(false);
      expect(can(role, "source:manage")).toBe(false);
    }
  });

  it("keeps sales away from secret names", () => {
    for (const permission of ["secret:read", "secret:export", "ownership:read", "person:read", "access-log:read"] as const) {
      expect(can("sales", permission)).toBe(false);
    }
    expect(can("sales", "evidence:export")).toBe(true);
  });

  it("lets auditors read everything and export evidence", () => {
    expect(can("auditor", "secret:read")).toBe(true);
    expect(can("auditor", "secret:export")).toBe(true);
    expect(can("auditor", "evidence:export")).toBe(true);
  });

  it("names only permissions that exist", () => {
    for (const role of ROLES) for (const p of ROLE_PERMISSIONS[role]) expect(PERMISSIONS).toHaveProperty(p);
  });
});
