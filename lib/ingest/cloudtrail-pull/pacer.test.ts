import { describe, expect, it } from "vitest";
import { pace } from "@/lib/ingest/cloudtrail-pull/pacer";

describe("pace", () => {
  it("spaces calls to one key, and leaves other keys alone", async () => {
    const started = Date.now();
    const times: number[] = [];
    await Promise.all([0, 1, 2].map(async () => {
      await pace("test|us-east-1", 40);
      times.push(Date.now() - started);
    }));
    await pace("test|eu-west-1", 40);
    const other = Date.now() - started;
    times.sort((a, b) => a - b);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(35);
    expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(35);
    expect(other).toBeGreaterThanOrEqual(times[2]!);
  });
});
