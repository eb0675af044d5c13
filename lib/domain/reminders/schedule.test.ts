import { describe, expect, it } from "vitest";
import { addDays, bucketFor, daysBetween, lastEscalationDay, lastReminderDay } from "@/lib/domain/reminders/schedule";

describe("reminder schedule", () => {
  it("counts whole UTC days", () => {
    expect(daysBetween("2026-05-12", "2026-05-19")).toBe(7);
    expect(daysBetween("2026-05-12", "2026-05-09")).toBe(-3);
    expect(addDays("2026-02-27", 2)).toBe("2026-03-01");
    expect(daysBetween("2026-03-28", "2026-03-30")).toBe(2); // across a DST change elsewhere: still whole days
  });

  it("puts a task in the tightest bucket it has reached", () => {
    expect([-5, -1, 0, 1, 2, 7, 8, 14, 15].map(bucketFor)).toEqual(["overdue", "overdue", "due_1", "due_1", "due_7", "due_7", "due_14", "due_14", null]);
  });

  it("makes an upcoming task news on the days it enters the digest, 7 days and 1 day out — not every day", () => {
    const due = "2026-06-30";
    const news = (today: string) => lastReminderDay({ dueOn: due, since: "2026-06-01", today });
    expect(news("2026-06-15")).toBeNull(); // 15 days out: not yet in the digest
    expect(news("2026-06-16")).toBe("2026-06-16"); // 14 days out
    expect(news("2026-06-20")).toBe("2026-06-16"); // nothing new since
    expect(news("2026-06-23")).toBe("2026-06-23"); // 7 days out
    expect(news("2026-06-29")).toBe("2026-06-29"); // 1 day out
    expect(news("2026-06-30")).toBe("2026-06-29"); // due today: no new news
  });

  it("makes a task opened late news the day it opens", () => {
    expect(lastReminderDay({ dueOn: "2026-06-30", since: "2026-06-27", today: "2026-06-27" })).toBe("2026-06-27");
    // A rotate-now task due the day it opens.
    expect(lastReminderDay({ dueOn: "2026-06-27", since: "2026-06-27", today: "2026-06-27" })).toBe("2026-06-27");
  });

  it("reminds about an overdue task on days 1, 4, 7 … overdue", () => {
    const overdue = (n: number) => lastReminderDay({ dueOn: "2026-06-30", since: "2026-06-01", today: addDays("2026-06-30", n) });
    expect([1, 2, 3, 4, 5, 6, 7, 10].map(overdue)).toEqual(["2026-07-01", "2026-07-01", "2026-07-01", "2026-07-04", "2026-07-04", "2026-07-04", "2026-07-07", "2026-07-10"]);
  });

  it("escalates from escalate_after_days overdue, every 3 days after, and never before the task is overdue", () => {
    const esc = (n: number, after = 3) => lastEscalationDay({ dueOn: "2026-06-30", escalateAfterDays: after, today: addDays("2026-06-30", n) });
    expect(esc(2)).toBeNull();
    expect(esc(3)).toBe("2026-07-03");
    expect(esc(5)).toBe("2026-07-03");
    expect(esc(6)).toBe("2026-07-06");
    expect(esc(0, 0)).toBeNull();
    expect(esc(1, 0)).toBe("2026-07-01");
  });
});
