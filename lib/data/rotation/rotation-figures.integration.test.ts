// "Acked within 2 days" and "done on time, per quarter" on a real database: their rules (the
// 48-hour window, answer known, on time against grace, missed) and the drill-down contract — the
// summary counts each figure with the rules the list filters by, so acked=90, acked=90 with
// ackedWithin2Days=true and done=<quarter> list exactly the rows the figures count. Dates are
// relative to now: quarters are the four the summary shows, whatever today is.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import type { Person } from "@/db/schema";
import { rotationTasks } from "@/db/schema-rotation";
import { assignRole, createPerson, createSecret, createSource } from "@/db/seed/factories";
import { getRotationSummary } from "@/lib/data/rotation/get-rotation-summary";
import { listRotationTasks } from "@/lib/data/rotation/list-rotation-tasks";
import { ACK_LOOKBACK_DAYS, ACK_WINDOW_MS, lastQuarters, quarterRange } from "@/lib/domain/rotation/metrics";
import { parsePart } from "@/lib/http/parse-part";
import { listRotationTasksQuery } from "@/lib/validation/rotation";
import { actorOf } from "@/test/actors";
import { failure } from "@/test/app-errors";
import { createTestDatabase } from "@/test/database";

const DAY = 86_400_000;
const now = new Date();
const ago = (ms: number) => new Date(now.getTime() - ms);
const after = (date: Date, ms: number) => new Date(date.getTime() + ms);
const quarters = lastQuarters(now, 4);
const before = quarterRange(quarters[2]!).start; // the last quarter: wholly past, whatever today is

let database: Database;
let admin: Person, acker: Person, rotator: Person;

/** A task on a new secret the person operates; due a week before its grace runs out unless said. */
async function taskOf(person: Person, name: string, task: Partial<typeof rotationTasks.$inferInsert> & { graceUntil: Date }) {
  const source = await createSource(database.db);
  const secret = await createSecret(database.db, { sourceId: source.id, name, lifetime: "static" });
  await assignRole(database.db, { secretId: secret.id, role: "operator", personId: person.id });
  await database.db.insert(rotationTasks).values({ secretId: secret.id, assigneeId: person.id, assigneeRole: "operator", dueAt: after(task.graceUntil, -7 * DAY), ...task });
}
const list = (q: Record<string, string>, person: Person = admin) => listRotationTasks({ actor: actorOf(person), query: listRotationTasksQuery.parse({ limit: "500", ...q }), db: database.db, now });
const names = async (q: Record<string, string>, person?: Person) => (await list(q, person)).items.map((t) => t.secret.name).sort();
const summaryOf = (person: Person) => getRotationSummary({ actor: actorOf(person), db: database.db, now });

beforeAll(async () => {
  database = await createTestDatabase();
  [admin, acker, rotator] = await Promise.all([createPerson(database.db, { role: "admin" }), createPerson(database.db, { role: "owner" }), createPerson(database.db, { role: "owner" })]);
  // The acker's tasks: responses to tasks opened 9 days ago, and the edges of the 48 hours.
  const opened = ago(9 * DAY);
  const later = after(now, 60 * DAY);
  await taskOf(acker, "acked-in-a-day", { openedAt: opened, graceUntil: later, status: "acknowledged", acknowledgedAt: after(opened, DAY) });
  await taskOf(acker, "acked-a-second-late", { openedAt: opened, graceUntil: later, status: "acknowledged", acknowledgedAt: after(opened, ACK_WINDOW_MS + 1000) });
  await taskOf(acker, "acked-at-48-hours", { openedAt: opened, graceUntil: later, status: "acknowledged", acknowledgedAt: after(opened, ACK_WINDOW_MS) });
  await taskOf(acker, "done-quickly", { openedAt: opened, graceUntil: later, status: "done", completedAt: after(opened, DAY / 2) });
  await taskOf(acker, "never-answered", { openedAt: opened, graceUntil: later });
  await taskOf(acker, "opened-48-hours-ago", { openedAt: ago(ACK_WINDOW_MS), graceUntil: later });
  await taskOf(acker, "too-young", { openedAt: ago(DAY), graceUntil: later });
  await taskOf(acker, "skipped", { openedAt: opened, graceUntil: later, status: "skipped", skippedReason: "retired" });
  await taskOf(acker, "opened-too-long-ago", { openedAt: ago((ACK_LOOKBACK_DAYS + 1) * DAY), graceUntil: later, status: "acknowledged", acknowledgedAt: ago(ACK_LOOKBACK_DAYS * DAY) });
  // The rotator's tasks, all opened before the ack window: done last quarter and this one, missed, and not.
  const long = ago(400 * DAY);
  const last = (days: number) => after(before, days * DAY);
  await taskOf(rotator, "on-time-to-the-ms", { openedAt: long, graceUntil: last(1), status: "done", completedAt: last(1) });
  await taskOf(rotator, "late", { openedAt: long, graceUntil: last(1), status: "done", completedAt: last(5) });
  await taskOf(rotator, "done-this-quarter", { openedAt: long, graceUntil: after(now, 30 * DAY), status: "done", completedAt: now });
  await taskOf(rotator, "done-five-quarters-ago", { openedAt: long, graceUntil: ago(500 * DAY), status: "done", completedAt: after(quarterRange(quarters[0]!).start, -DAY) });
  await taskOf(rotator, "missed", { openedAt: long, graceUntil: last(2) });
  await taskOf(rotator, "missed-awaiting-sign-off", { openedAt: long, graceUntil: last(3), status: "awaiting_approval", completedAt: last(4) });
  await taskOf(rotator, "skipped-in-grace", { openedAt: long, graceUntil: last(2), status: "skipped", skippedReason: "retired" });
  await taskOf(rotator, "grace-still-running", { openedAt: long, graceUntil: after(now, 30 * DAY) });
});
afterAll(() => database.close());

describe("acked within 2 days", () => {
  it("counts an acknowledgement or a completion within 48 hours; leaves out skipped, too-young and older tasks", async () => {
    expect((await summaryOf(acker)).acknowledgedWithin2Days).toEqual({ pct: 50, count: 6, within: 3 });
    expect(await names({ acked: String(ACK_LOOKBACK_DAYS) }, acker)).toEqual(["acked-a-second-late", "acked-at-48-hours", "acked-in-a-day", "done-quickly", "never-answered", "opened-48-hours-ago"]);
    expect(await names({ acked: String(ACK_LOOKBACK_DAYS), ackedWithin2Days: "true" }, acker)).toEqual(["acked-at-48-hours", "acked-in-a-day", "done-quickly"]);
    expect(await names({ acked: String(ACK_LOOKBACK_DAYS), ackedWithin2Days: "false" }, acker)).toEqual(["acked-a-second-late", "never-answered", "opened-48-hours-ago"]);
  });
});

describe("done on time, per quarter", () => {
  it("on time = completed no later than grace_until; missed = grace ran out in the quarter with no rotation done", async () => {
    const zero = { done: 0, onTime: 0, late: 0, missed: 0, pct: null };
    expect((await summaryOf(rotator)).onTimeByQuarter).toEqual([
      { quarter: quarters[0], ...zero },
      { quarter: quarters[1], ...zero },
      { quarter: quarters[2], done: 2, onTime: 1, late: 1, missed: 2, pct: 50 },
      { quarter: quarters[3], done: 1, onTime: 1, late: 0, missed: 0, pct: 100 },
    ]);
    expect(await names({ done: quarters[2]! }, rotator)).toEqual(["late", "on-time-to-the-ms"]);
    expect(await names({ done: quarters[3]! }, rotator)).toEqual(["done-this-quarter"]);
  });
});

describe("the figures and the rows they link to", () => {
  it("for everyone's tasks and an owner's, the ack count, its in-time part and each quarter's done are the list's totals", async () => {
    for (const person of [admin, acker, rotator]) {
      const summary = await summaryOf(person);
      const acked = { acked: String(ACK_LOOKBACK_DAYS) };
      expect(summary.acknowledgedWithin2Days.count).toBe((await list(acked, person)).total);
      expect(summary.acknowledgedWithin2Days.within).toBe((await list({ ...acked, ackedWithin2Days: "true" }, person)).total);
      for (const q of summary.onTimeByQuarter) expect(q.done, q.quarter).toBe((await list({ done: q.quarter }, person)).total);
    }
    expect((await summaryOf(admin)).acknowledgedWithin2Days.count).toBeGreaterThan(0);
  });

  it("refuses a quarter that is not one, and a window that is not a number of days, naming the field (as the route parses a query)", async () => {
    const refusal = (query: Record<string, string>) => failure(parsePart(listRotationTasksQuery, query, "query"));
    for (const done of ["2026-Q5", "2026Q4", "Q4 2026", "2026-q4"]) {
      expect(await refusal({ done }), done).toMatchObject({ status: 422, fields: [{ field: "query.done", message: "must be a quarter like 2026-Q4" }] });
    }
    expect(await refusal({ acked: "recent" })).toMatchObject({ status: 422, fields: [{ field: "query.acked" }] });
    expect(await refusal({ ackedWithin2Days: "yes" })).toMatchObject({ status: 422, fields: [{ field: "query.ackedWithin2Days" }] });
  });
});
