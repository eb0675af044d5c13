import { describe, expect, it } from "vitest";
import { DEFAULT_TAG_KEYS, mapTags, parseEnvironment, parseTier } from "@/lib/sources/tag-mapping";

describe("tag mapping", () => {
  it("maps owner tags to roles, environment, tier and services", () => {
    expect(mapTags({ Owner: "priya@acme.test", approver: "sam", IC: "maya", env: "Production", tier: "1", service: "payments-api, ledger" })).toEqual({
      owners: { operator: "priya@acme.test", approver: "sam", incident_commander: "maya" },
      environment: "prod",
      tier: 1,
      consumers: ["payments-api", "ledger"],
    });
  });

  it("leaves what the tags do not say unknown — including the literal value unknown", () => {
    expect(mapTags({ owner: "unknown", env: "moon", tier: "9" })).toEqual({ owners: {}, environment: null, tier: null, consumers: [] });
  });

  it("uses configured keys", () => {
    const keys = { ...DEFAULT_TAG_KEYS, operator: ["rotates"], environment: ["deploy-stage"] };
    expect(mapTags({ rotates: "dana", owner: "ignored", "deploy-stage": "stg" }, keys)).toMatchObject({ owners: { operator: "dana" }, environment: "staging" });
  });

  it("reads tier and environment spellings people use", () => {
    expect(parseTier("tier-2")).toBe(2);
    expect(parseTier("Tier 4")).toBe(4);
    expect(parseTier("high")).toBeNull();
    expect(parseEnvironment("UAT")).toBe("staging");
    expect(parseEnvironment("sandbox")).toBe("dev");
  });
});
