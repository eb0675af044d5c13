import { describe, expect, it } from "vitest";
import { can, ROLES } from "@/lib/auth/permissions";
import { landingFor, LANDINGS } from "@/lib/navigation";

describe("landingFor", () => {
  it("lands each role where it works", () => {
    expect(Object.fromEntries(ROLES.map((role) => [role, landingFor(role)]))).toEqual({
      admin: "/overview",
      owner: "/rotation/mine",
      founder: "/overview",
      sales: "/evidence",
      auditor: "/access-log",
    });
  });

  it("lands no role on a page it may not open", () => {
    for (const role of ROLES) expect(can(role, LANDINGS[role].permission), role).toBe(true);
  });
});
