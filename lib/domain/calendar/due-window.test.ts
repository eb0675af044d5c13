import { describe, expect, it } from "vitest";
import { DUE_SOON_DAYS, isDueWithin } from "@/lib/domain/calendar/due-window";

describe("isDueWithin (the summary's 'due in 14 days', the list's due=14, My tasks' group)", () => {
  const now = new Date();
  const inDays = (n: number) => new Date(now.getTime() + n * 86_400_000);

  it("holds tasks still to do, from now to 14 days on — not overdue ones, not done or skipped ones, not later ones", () => {
    expect(isDueWithin({ status: "open", dueAt: inDays(13.9) }, now, DUE_SOON_DAYS)).toBe(true);
    expect(isDueWithin({ status: "acknowledged", dueAt: now }, now, DUE_SOON_DAYS)).toBe(true);
    expect(isDueWithin({ status: "open", dueAt: inDays(14) }, now, DUE_SOON_DAYS)).toBe(false);
    expect(isDueWithin({ status: "open", dueAt: inDays(-0.1) }, now, DUE_SOON_DAYS)).toBe(false);
    expect(isDueWithin({ status: "done", dueAt: inDays(3) }, now, DUE_SOON_DAYS)).toBe(false);
    expect(isDueWithin({ status: "skipped", dueAt: inDays(3) }, now, DUE_SOON_DAYS)).toBe(false);
  });
});
