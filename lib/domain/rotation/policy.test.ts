import { describe, expect, it } from "vitest";
import { DEFAULT_POLICIES, resolvePolicy, type PolicyRow } from "@/lib/domain/rotation/policy";

const policies = DEFAULT_POLICIES;
const secret = (over: Partial<Parameters<typeof resolvePolicy>[0]["secret"]> = {}) => ({ tier: 2, environment: "prod" as const, lifetime: "static" as const, ...over });

describe("resolvePolicy", () => {
  it("holds a secret to its tier × environment row", () => {
    expect(resolvePolicy({ secret: secret(), policies })).toEqual({
      exempt: false,
      intervalDays: 180,
      graceDays: 14,
      requiresApproval: false,
      tier: 2,
      environment: "prod",
      overridden: false,
    });
    expect(resolvePolicy({ secret: secret({ tier: 1 }), policies })).toMatchObject({ intervalDays: 90, graceDays: 7, requiresApproval: true });
  });

  it("holds an unknown tier or environment to the strictest row that could apply (tier 1 / prod by default)", () => {
    expect(resolvePolicy({ secret: secret({ tier: null }), policies })).toMatchObject({ intervalDays: 90, graceDays: 7, requiresApproval: true, tier: null, environment: "prod" });
    expect(resolvePolicy({ secret: secret({ tier: 4, environment: null }), policies })).toMatchObject({ intervalDays: 365, graceDays: 30, tier: 4, environment: null });
    expect(resolvePolicy({ secret: secret({ tier: null, environment: null, lifetime: null }), policies })).toMatchObject({ exempt: false, intervalDays: 90, graceDays: 7, requiresApproval: true });
  });

  it("uses the strictest row even when an admin made another row stricter than tier 1 / prod", () => {
    const edited: PolicyRow[] = policies.map((row) => (row.tier === 3 && row.environment === "prod" ? { ...row, intervalDays: 30, graceDays: 3 } : row));
    expect(resolvePolicy({ secret: secret({ tier: null }), policies: edited })).toMatchObject({ intervalDays: 30, graceDays: 3, requiresApproval: true });
  });

  it("exempts short-lived credentials, and a per-secret exempt override wins", () => {
    expect(resolvePolicy({ secret: secret({ lifetime: "short_lived" }), policies })).toMatchObject({ exempt: true, why: "short_lived" });
    expect(resolvePolicy({ secret: secret(), policies, override: { exempt: true, intervalDays: null, graceDays: null, reason: "Decommissioned in May" } })).toEqual({
      exempt: true,
      why: "override",
      reason: "Decommissioned in May",
    });
  });

  it("lets an override set its own interval or grace, taking the other from the row and keeping grace below the interval", () => {
    expect(resolvePolicy({ secret: secret(), policies, override: { exempt: false, intervalDays: 30, graceDays: null, reason: "r" } })).toMatchObject({ intervalDays: 30, graceDays: 14, overridden: true });
    expect(resolvePolicy({ secret: secret(), policies, override: { exempt: false, intervalDays: 10, graceDays: null, reason: "r" } })).toMatchObject({ intervalDays: 10, graceDays: 9 });
    expect(resolvePolicy({ secret: secret({ lifetime: "short_lived" }), policies, override: { exempt: false, intervalDays: 7, graceDays: 1, reason: "r" } })).toMatchObject({ exempt: false, intervalDays: 7, graceDays: 1 });
  });
});
