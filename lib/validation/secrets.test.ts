import { describe, expect, it } from "vitest";
import { listSecretsQuery } from "@/lib/validation/secrets";

describe("list secrets query", () => {
  it("accepts comma and repeated multi-values", () => {
    expect(listSecretsQuery.parse({ tier: "1,2", environment: ["prod", "unknown"] })).toMatchObject({ tier: ["1", "2"], environment: ["prod", "unknown"], sort: "name", dir: "asc", limit: 50 });
  });

  it("names the field at fault", () => {
    const result = listSecretsQuery.safeParse({ tier: "7", limit: "5000", sort: "password" });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((i) => i.path[0]);
    expect(paths).toEqual(expect.arrayContaining(["tier", "limit", "sort"]));
  });

  it("rejects parameters it does not know, so typos are not silently ignored", () => {
    const result = listSecretsQuery.safeParse({ teir: "1" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ code: "unrecognized_keys", keys: ["teir"] });
  });
});
