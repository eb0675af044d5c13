import { describe, expect, it } from "vitest";
import { can, PERMISSIONS, ROLE_PERMISSIONS, ROLES, type Permission } from "@/lib/auth/permissions";
import type { AppRole } from "@/lib/domain/roles";

// Who holds what, written out in full: any change to a grant is a visible diff here.
const GRANTED: Record<Permission, readonly AppRole[]> = {
  "secret:read": ["admin", "owner", "founder", "auditor"],
  "secret:export": ["admin", "founder", "auditor"],
  "ownership:read": ["admin", "owner", "founder", "auditor"],
  "ownership:assign": ["admin", "owner", "founder"],
  "person:read": ["admin", "owner", "founder", "auditor"],
  "person:offboard": ["admin"],
  "source:read": ["admin", "founder", "auditor"],
  "source:manage": ["admin"],
  "token:manage": ["admin"],
  "access-log:read": ["admin", "owner", "founder", "auditor"],
  "rotation:read": ["admin", "owner", "founder", "auditor"],
  "rotation:work": ["admin", "owner", "founder"],
  "rotation:manage": ["admin"],
  "blast-radius:read": ["admin", "owner", "founder", "auditor"],
  "runbook:read": ["admin", "owner", "founder", "auditor"],
  "evidence:read": ["admin", "founder", "sales", "auditor"],
  "evidence:export": ["admin", "founder", "sales", "auditor"],
  "metrics:read": ["admin", "founder", "sales", "auditor"],
};

const permissions = Object.keys(PERMISSIONS) as Permission[];

describe("permission table", () => {
  it("grants exactly the pinned role × permission table", () => {
    const actual = Object.fromEntries(permissions.map((p) => [p, ROLES.filter((role) => can(role, p))]));
    expect(actual).toEqual(GRANTED);
  });

  it("derives each role's list from the table, in the table's order", () => {
    for (const role of ROLES) expect(ROLE_PERMISSIONS[role]).toEqual(permissions.filter((p) => GRANTED[p].includes(role)));
  });

  it("names its roles on every permission, admins included: nothing is granted by default", () => {
    for (const p of permissions) {
      expect(PERMISSIONS[p].description.length, p).toBeGreaterThan(10);
      expect(PERMISSIONS[p].roles.length, p).toBeGreaterThan(0);
      for (const role of PERMISSIONS[p].roles) expect(ROLES, `${p} names ${role}`).toContain(role);
    }
  });

  it("refuses a permission or role the table does not name", () => {
    for (const unknown of ["secret:write", "toString", "__proto__", "constructor", ""]) {
      for (const role of ROLES) expect(can(role, unknown as Permission), `${role} ${unknown}`).toBe(false);
    }
    expect(can("root" as AppRole, "secret:read")).toBe(false);
  });

  it("keeps the read-only roles away from every change", () => {
    const changes: Permission[] = ["ownership:assign", "person:offboard", "source:manage", "token:manage", "rotation:work", "rotation:manage"];
    for (const role of ["auditor", "sales"] as const) for (const p of changes) expect(can(role, p), `${role} ${p}`).toBe(false);
  });

  it("keeps sales away from secret names", () => {
    for (const p of ["secret:read", "secret:export", "ownership:read", "person:read", "access-log:read", "source:read", "rotation:read"] as const) {
      expect(can("sales", p), p).toBe(false);
    }
  });
});
