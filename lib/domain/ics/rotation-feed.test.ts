import ical, { type VEvent } from "node-ical";
import { describe, expect, it } from "vitest";
import { buildRotationFeed, taskLastModified, taskSummary, type FeedTask } from "@/lib/domain/ics/rotation-feed";

const now = new Date("2026-03-10T12:00:00Z");
const task = (overrides: Partial<FeedTask> = {}): FeedTask => ({
  id: "6f1c2a3e-0000-4000-8000-000000000001",
  kind: "scheduled",
  reason: null,
  status: "open",
  dueAt: new Date("2026-03-20T00:00:00Z"),
  graceUntil: new Date("2026-03-27T00:00:00Z"),
  sequence: 0,
  updatedAt: new Date("2026-03-01T08:00:00Z"),
  completedAt: null,
  skippedAt: null,
  skippedReason: null,
  assigneeName: "Priya Raman",
  assigneeRole: "operator",
  secretName: "prod/payments/stripe-secret-key",
  sourceName: "AWS · prod",
  tier: 1,
  environment: "prod",
  ...overrides,
});
const build = (tasks: FeedTask[], showAssignee = false) =>
  buildRotationFeed({ calendarName: "Keyledger · Priya", calendarDescription: "Rotations", tasks, baseUrl: "https://kl.example.com/", now, showAssignee });
const events = (body: string) => Object.values(ical.sync.parseICS(body)).filter((c): c is VEvent => c?.type === "VEVENT");

describe("taskSummary", () => {
  it("names the secret, tier and environment, with status hints", () => {
    expect(taskSummary(task(), now)).toBe("Rotate prod/payments/stripe-secret-key (tier 1 prod)");
    expect(taskSummary(task({ status: "acknowledged" }), now)).toBe("Rotate prod/payments/stripe-secret-key (tier 1 prod) · acknowledged");
    expect(taskSummary(task({ dueAt: new Date("2026-03-01T00:00:00Z") }), now)).toBe("OVERDUE 9 days: Rotate prod/payments/stripe-secret-key (tier 1 prod), was due 2026-03-01");
    expect(taskSummary(task({ dueAt: new Date("2026-03-10T06:00:00Z") }), now)).toBe("OVERDUE since today: Rotate prod/payments/stripe-secret-key (tier 1 prod)");
    expect(taskSummary(task({ status: "done" }), now)).toBe("✓ Rotated prod/payments/stripe-secret-key (tier 1 prod)");
    expect(taskSummary(task({ status: "skipped", skippedReason: "decommissioned" }), now)).toBe("Skipped: rotate prod/payments/stripe-secret-key (tier 1 prod)");
    expect(taskSummary(task({ kind: "rotate_now", tier: null, environment: null }), now)).toBe("Rotate now: prod/payments/stripe-secret-key (tier unknown, environment unknown)");
    expect(taskSummary(task({ environment: null }), now)).toBe("Rotate prod/payments/stripe-secret-key (tier 1, environment unknown)");
    expect(taskSummary(task({ assigneeName: null }), now, true)).toBe("Rotate prod/payments/stripe-secret-key (tier 1 prod) — unassigned");
  });
});

describe("taskLastModified", () => {
  it("is the last change, or the moment an open task became overdue, or the midnight it moved to today", () => {
    expect(taskLastModified(task(), now)).toEqual(new Date("2026-03-01T08:00:00Z"));
    expect(taskLastModified(task({ dueAt: new Date("2026-03-10T06:00:00Z") }), now)).toEqual(new Date("2026-03-10T06:00:00Z"));
    expect(taskLastModified(task({ dueAt: new Date("2026-03-05T00:00:00Z") }), now)).toEqual(new Date("2026-03-10T00:00:00Z"));
    expect(taskLastModified(task({ status: "done", dueAt: new Date("2026-03-05T00:00:00Z") }), now)).toEqual(new Date("2026-03-01T08:00:00Z"));
  });
});

describe("buildRotationFeed", () => {
  it("writes a VCALENDAR with CRLF lines of at most 75 octets that node-ical reads back", () => {
    const { body, lastModified } = build([task({ sequence: 3 }), task({ id: "6f1c2a3e-0000-4000-8000-000000000002", status: "skipped", skippedReason: "secret deleted; no rotation" })]);
    expect(body.endsWith("\r\n")).toBe(true);
    expect(body.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    for (const line of body.split("\r\n")) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    for (const line of ["BEGIN:VCALENDAR", "VERSION:2.0", "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "X-WR-TIMEZONE:UTC", "REFRESH-INTERVAL;VALUE=DURATION:PT1H", "X-PUBLISHED-TTL:PT1H", "END:VCALENDAR"]) {
      expect(body.split("\r\n")).toContain(line);
    }
    expect(lastModified).toEqual(new Date("2026-03-01T08:00:00Z"));

    const [open, skipped] = events(body);
    expect(open).toMatchObject({ uid: "rotation-task-6f1c2a3e-0000-4000-8000-000000000001@keyledger", sequence: 3, status: "CONFIRMED", url: "https://kl.example.com/rotation?task=6f1c2a3e-0000-4000-8000-000000000001" });
    expect(open!.start.dateOnly).toBe(true);
    expect(open!.description).toContain("Grace until: 2026-03-27");
    expect(open!.description).toContain("Open the task in Keyledger: https://kl.example.com/rotation?task=");
    expect(Object.values(open!.alarms ?? {})).toHaveLength(1);
    expect(skipped).toMatchObject({ status: "CANCELLED" });
    expect(skipped!.description).toContain("Skipped because: secret deleted; no rotation");
    expect(skipped!.alarms ?? []).toHaveLength(0);
  });

  it("gives the same bytes for the same data, whatever the request time within a day", () => {
    const a = build([task()]).body;
    const b = buildRotationFeed({ calendarName: "Keyledger · Priya", calendarDescription: "Rotations", tasks: [task()], baseUrl: "https://kl.example.com", now: new Date("2026-03-10T18:00:00Z") }).body;
    expect(a).toBe(b);
  });

  it("escapes what a secret name or reason may contain", () => {
    const { body } = build([task({ secretName: "team,a;b\\c", reason: "Offboarding of Dana:\nheld operator", kind: "rotate_now" })]);
    expect(body).toContain("SUMMARY:Rotate now: team\\,a\\;b\\\\c (tier 1 prod)");
    const [event] = events(body);
    expect(event!.summary).toBe("Rotate now: team,a;b\\c (tier 1 prod)");
    expect(event!.description).toContain("Why: Offboarding of Dana:\nheld operator");
  });
});

describe("an overdue task in the feed", () => {
  // Relative to the real clock: whatever today is, the overdue entry is on it.
  const today = new Date();
  const daysAgo = (n: number) => new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - n, 9));
  const ymd = (d: Date) => d.toISOString().slice(0, 10);
  const feedAt = (at: Date, tasks: FeedTask[]) => events(buildRotationFeed({ calendarName: "K", calendarDescription: "R", tasks, baseUrl: "https://kl.example.com", now: at }).body);

  it("is one all-day entry on today, saying how late it is and when it was due, with the same UID", () => {
    const overdue = task({ dueAt: daysAgo(37), graceUntil: daysAgo(30), sequence: 4, status: "acknowledged" });
    const [event, ...others] = feedAt(today, [overdue]);
    expect(others).toHaveLength(0);
    expect(event!.uid).toBe(`rotation-task-${overdue.id}@keyledger`);
    expect(event!.start.dateOnly).toBe(true);
    expect(ymd(event!.start)).toBe(ymd(today));
    expect(ymd(event!.end!)).toBe(ymd(new Date(today.getTime() + 86_400_000)));
    expect(event!.summary).toBe(`OVERDUE 37 days: Rotate prod/payments/stripe-secret-key (tier 1 prod) · acknowledged, was due ${ymd(daysAgo(37))}`);
    expect(event!.description).toContain(`Due: ${ymd(daysAgo(37))} (shown on today while it is overdue)`);
    expect(event!.description).toContain("Status: acknowledged, overdue by 37 days");
    expect(event!.sequence).toBe(4 + 37);
    expect(Object.values(event!.alarms ?? {})).toHaveLength(0);
  });

  it("moves to the next day on the next day's fetch, with a higher SEQUENCE and a newer LAST-MODIFIED", () => {
    const overdue = task({ dueAt: daysAgo(10), graceUntil: daysAgo(3) });
    const tomorrow = new Date(today.getTime() + 86_400_000);
    const [first] = feedAt(today, [overdue]);
    const [second] = feedAt(tomorrow, [overdue]);
    expect(ymd(second!.start)).toBe(ymd(tomorrow));
    expect(second!.uid).toBe(first!.uid);
    expect(Number(second!.sequence)).toBeGreaterThan(Number(first!.sequence));
    expect(taskLastModified(overdue, tomorrow).getTime()).toBeGreaterThan(taskLastModified(overdue, today).getTime());
  });

  it("once done, stays on the day it was done instead of jumping back to its due date, and its SEQUENCE does not go back", () => {
    const due = daysAgo(20);
    const open = task({ dueAt: due, graceUntil: daysAgo(13), sequence: 2 });
    const done = task({ dueAt: due, graceUntil: daysAgo(13), sequence: 3, status: "done", completedAt: today, updatedAt: today });
    const [before] = feedAt(today, [open]);
    const [after] = feedAt(today, [done]);
    expect(ymd(after!.start)).toBe(ymd(today));
    expect(after!.summary).toBe("✓ Rotated prod/payments/stripe-secret-key (tier 1 prod)");
    expect(after!.description).toContain(`Done: ${ymd(today)}, 20 days late`);
    expect(Number(after!.sequence)).toBeGreaterThan(Number(before!.sequence));
  });

  it("a task not yet due stays on its due date", () => {
    const [event] = feedAt(today, [task({ dueAt: daysAgo(-5), graceUntil: daysAgo(-12) })]);
    expect(ymd(event!.start)).toBe(ymd(daysAgo(-5)));
    expect(Object.values(event!.alarms ?? {})).toHaveLength(1);
  });
});
