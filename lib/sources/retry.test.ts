import { describe, expect, it } from "vitest";
import { withRetry } from "@/lib/sources/retry";
import { SourceError } from "@/lib/sources/source-error";

describe("withRetry", () => {
  it("retries throttling with jittered exponential backoff, then succeeds", async () => {
    const waits: number[] = [];
    let calls = 0;
    const result = await withRetry(
      async () => {
        calls++;
        if (calls < 4) throw new SourceError("throttled", "slow down");
        return "ok";
      },
      { baseMs: 100, sleep: async (ms) => void waits.push(ms), random: () => 1 },
    );
    expect(result).toBe("ok");
    expect(waits).toEqual([100, 200, 400]);
  });

  it("gives up after the last attempt", async () => {
    let calls = 0;
    await expect(withRetry(async () => { calls++; throw new SourceError("unavailable", "503"); }, { attempts: 3, sleep: async () => undefined })).rejects.toThrow("503");
    expect(calls).toBe(3);
  });

  it("does not retry a refusal", async () => {
    let calls = 0;
    await expect(withRetry(async () => { calls++; throw new SourceError("forbidden", "403"); }, { sleep: async () => undefined })).rejects.toThrow("403");
    expect(calls).toBe(1);
  });
});
