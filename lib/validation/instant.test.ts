import { describe, expect, it } from "vitest";
import { accessEventFilters } from "@/lib/validation/access-events";
import { listRotationTasksQuery } from "@/lib/validation/rotation";

describe("dates from query strings", () => {
  it("are refused outside 1970–2200, naming the field", () => {
    for (const [field, value] of [["from", "0000-01-01"], ["to", "9999-12-31"], ["from", "1969-12-31T23:59:59Z"], ["to", "2201-01-01"], ["from", "+275760-09-13T00:00:00Z"]] as const) {
      for (const schema of [accessEventFilters, listRotationTasksQuery]) {
        const result = schema.safeParse({ [field]: value });
        expect(result.success, `${field}=${value}`).toBe(false);
        expect(result.error?.issues.map((i) => i.path.join("."))).toContain(field);
      }
    }
  });

  it("are accepted inside it", () => {
    expect(accessEventFilters.parse({ from: "1970-01-01", to: "2200-12-31T23:59:59Z" })).toMatchObject({ from: "1970-01-01" });
    expect(listRotationTasksQuery.parse({ from: "2026-11-01" }).from).toBeInstanceOf(Date);
  });
});
