import { describe, expect, it } from "vitest";
import { createSourceBody, updateSourceBody } from "@/lib/validation/sources";

describe("source bodies", () => {
  it("fills a new source's defaults", () => {
    expect(createSourceBody.parse({ kind: "vault", name: "Vault prod" })).toEqual({
      kind: "vault",
      name: "Vault prod",
      config: {},
      syncIntervalMinutes: 60,
      tagKeys: null,
      enabled: true,
    });
  });

  it("keeps an update to what it names: a rename does not reset the configuration, schedule or tag keys", () => {
    expect(updateSourceBody.parse({ name: "Vault (prod)" })).toEqual({ name: "Vault (prod)" });
    expect(updateSourceBody.parse({ enabled: false })).toEqual({ enabled: false });
  });

  it("refuses a kind change and unknown fields", () => {
    expect(updateSourceBody.safeParse({ kind: "vault" }).success).toBe(false);
    expect(updateSourceBody.safeParse({ nme: "typo" }).success).toBe(false);
  });
});
