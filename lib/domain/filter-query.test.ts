import { describe, expect, it } from "vitest";
import { filteredHref } from "@/lib/domain/filter-query";
import { listSecretsQuery } from "@/lib/validation/secrets";

describe("filteredHref", () => {
  it("writes lists comma-joined and leaves out what is not set, so the schema reads back the same filters", () => {
    const href = filteredHref("/inventory", { tier: ["1", "unknown"], gaps: "conflict", q: undefined });
    expect(href).toBe("/inventory?tier=1%2Cunknown&gaps=conflict");
    const query = Object.fromEntries(new URLSearchParams(href.split("?")[1]));
    expect(listSecretsQuery.parse(query)).toMatchObject({ tier: ["1", "unknown"], gaps: "conflict" });
  });

  it("is the bare path with no filter", () => {
    expect(filteredHref("/inventory", {})).toBe("/inventory");
  });
});
