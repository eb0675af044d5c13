import { describe, expect, it } from "vitest";
import { intervalWords, nextSyncAt, retryDelayMinutes, retryWords } from "@/lib/domain/sync-schedule";

const MINUTE = 60_000;
const now = new Date();
const ago = (minutes: number) => new Date(now.getTime() - minutes * MINUTE);

describe("when a source syncs next", () => {
  it("is its interval after the last good sync, and at once when it never synced", () => {
    expect(nextSyncAt({ syncIntervalMinutes: 60, lastSyncedAt: ago(10), failuresInARow: 0, lastFailureAt: null }, now)).toEqual(new Date(ago(10).getTime() + 60 * MINUTE));
    expect(nextSyncAt({ syncIntervalMinutes: 60, lastSyncedAt: null, failuresInARow: 0, lastFailureAt: null }, now)).toEqual(now);
  });

  it("after failures, backs off from 5 minutes, doubling, and never waits past the interval", () => {
    expect([1, 2, 3, 4, 5, 6, 30].map((n) => retryDelayMinutes(n, 60))).toEqual([5, 10, 20, 40, 60, 60, 60]);
    expect([1, 2, 12].map((n) => retryDelayMinutes(n, 10080))).toEqual([5, 10, 10080]);
    expect(retryDelayMinutes(3, 5)).toBe(5);
    // A source that failed 3 times, the last 15 minutes ago, is not due (the wait is 20); at 25 it is.
    const failing = (minutes: number) => nextSyncAt({ syncIntervalMinutes: 60, lastSyncedAt: ago(600), failuresInARow: 3, lastFailureAt: ago(minutes) }, now);
    expect(failing(15) > now).toBe(true);
    expect(failing(25) <= now).toBe(true);
  });

  it("says intervals and retries in words", () => {
    expect([10080, 1440, 60, 360, 2880, 30, 90].map(intervalWords)).toEqual(["weekly", "daily", "hourly", "every 6 hours", "every 2 days", "every 30 minutes", "every 1 h 30 min"]);
    expect(retryWords(60)).toBe("A failed sync is retried 5 minutes later, then the wait doubles after each failure, up to an hour (the schedule).");
    expect(retryWords(5)).toBe("A failed sync is retried every 5 minutes.");
  });
});
