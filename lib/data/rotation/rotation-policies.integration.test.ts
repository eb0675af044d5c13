// Policies, overrides and settings on a real database: a policy change moves due dates at once;
// invalid input is refused with the field named and nothing changed; every change is audited.
// Also the calendar list (scope, filters, keyset pages), the summary and the capacity figures.
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { accessEvents, type Person, type Secret, type Source } from "@/db/schema";
import { rotationPolicies, rotationTasks } from "@/db/schema-rotation";
import { assignRole, createPerson, createSecret, createSource } from "@/db/seed/factories";
import { acknowledgeRotationTask } from "@/lib/data/rotation/acknowledge-rotation-task";
import { completeRotationTask } from "@/lib/data/rotation/complete-rotation-task";
import { getRotationCapacity } from "@/lib/data/rotation/get-rotation-capacity";
import { getRotationPolicies } from "@/lib/data/rotation/get-rotation-policies";
import { getRotationSummary } from "@/lib/data/rotation/get-rotation-summary";
import { listRotationTasks } from "@/lib/data/rotation/list-rotation-tasks";
import { openDueTasks } from "@/lib/data/rotation/open-due-tasks";
import { clearRotationOverride, setRotationOverride } from "@/lib/data/rotation/set-rotation-override";
import { updateRotationPolicy } from "@/lib/data/rotation/update-rotation-policy";
import { updateRotationSettings } from "@/lib/data/rotation/update-rotation-settings";
import { AppError } from "@/lib/errors";
import { quarterOf } from "@/lib/domain/rotation/metrics";
import { listRotationTasksQuery } from "@/lib/validation/rotation";
import { actorOf } from "@/test/actors";
import { createTestDatabase } from "@/test/database";

const DAY = 86_400_000;
const now = new Date();
const daysAgo = (n: number) => new Date(now.getTime() - n * DAY);

let database: Database;
let source: Source;
let admin: Person, owner: Person, otherOwner: Person, founder: Person, sales: Person;

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error("expected an AppError");
    },
    (e: unknown) => {
      if (!(e instanceof AppError)) throw e;
      return { code: e.code, status: e.status, fields: e.fields.map((f) => f.field) };
    },
  );
const policyRow = async (tier: number, environment: "prod" | "staging" | "dev") =>
  (await database.db.select().from(rotationPolicies).where(and(eq(rotationPolicies.tier, tier), eq(rotationPolicies.environment, environment))))[0];
const tasksOf = (secretId: string) => database.db.select().from(rotationTasks).where(eq(rotationTasks.secretId, secretId)).orderBy(rotationTasks.openedAt);
const policyEvents = () => database.db.select().from(accessEvents).where(eq(accessEvents.action, "policy_change")).orderBy(accessEvents.id);

async function secretFor(person: Person, values: Partial<Secret> = {}) {
  const secret = await createSecret(database.db, { sourceId: source.id, tier: 3, environment: "staging", lifetime: "static", ...values });
  await assignRole(database.db, { secretId: secret.id, role: "operator", personId: person.id });
  return secret;
}

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  [admin, owner, otherOwner, founder, sales] = await Promise.all([
    createPerson(db, { role: "admin" }),
    createPerson(db, { role: "owner" }),
    createPerson(db, { role: "owner" }),
    createPerson(db, { role: "founder" }),
    createPerson(db, { role: "sales" }),
  ]);
  source = await createSource(db);
});
afterAll(() => database.close());

describe("rotation policies", () => {
  it("lists the twelve default rows and the settings", async () => {
    const { policies, settings } = await getRotationPolicies({ actor: actorOf(owner), db: database.db });
    expect(policies).toHaveLength(12);
    expect(policies[0]).toMatchObject({ tier: 1, environment: "prod", intervalDays: 90, graceDays: 7, requiresApproval: true });
    expect(settings).toEqual({ leadDays: 14, escalateAfterDays: 3, engineerHoursPerMonth: 8, minutesPerRotation: 30 });
    expect(await failure(getRotationPolicies({ actor: actorOf(sales), db: database.db }))).toMatchObject({ code: "forbidden" });
  });

  it("moves the due dates of open tasks when an admin tightens a policy, and opens the ones now due", async () => {
    const open = await secretFor(owner, { lastRotatedAt: daysAgo(355) }); // tier 3 staging, 365 days: due in 10
    const notYet = await secretFor(owner, { lastRotatedAt: daysAgo(200) }); // due in 165
    await openDueTasks({ db: database.db, now });
    const [before] = await tasksOf(open.id);
    expect(await tasksOf(notYet.id)).toEqual([]);

    const result = await updateRotationPolicy({ actor: actorOf(admin), tier: 3, environment: "staging", input: { intervalDays: 180, graceDays: 10, requiresApproval: false }, db: database.db, now });
    expect(result.policy).toMatchObject({ tier: 3, environment: "staging", intervalDays: 180, graceDays: 10 });
    expect(result.tasks.updated).toBeGreaterThanOrEqual(1);
    expect(result.tasks.opened).toBeGreaterThanOrEqual(1);
    const [after] = await tasksOf(open.id);
    expect(after?.id).toBe(before?.id);
    expect(after?.dueAt).toEqual(new Date(daysAgo(355).getTime() + 180 * DAY));
    expect(after?.graceUntil).toEqual(new Date(daysAgo(355).getTime() + 190 * DAY));
    expect(after?.sequence).toBe((before?.sequence ?? 0) + 1);
    expect((await tasksOf(notYet.id))[0]?.dueAt).toEqual(new Date(daysAgo(200).getTime() + 180 * DAY));
    const [event] = (await policyEvents()).filter((e) => e.rawAction === "rotation.policy_update");
    expect(event).toMatchObject({ actor: admin.email, detail: expect.objectContaining({ tier: 3, environment: "staging", from: { intervalDays: 365, graceDays: 30, requiresApproval: false } }) });
  });

  it("refuses an invalid policy with every field named (400) and changes nothing", async () => {
    const before = await policyRow(2, "dev");
    const eventsBefore = (await policyEvents()).length;
    expect(await failure(updateRotationPolicy({ actor: actorOf(admin), tier: 2, environment: "dev", input: { intervalDays: -30, graceDays: 5, requiresApproval: false }, db: database.db, now }))).toEqual({
      code: "bad_request",
      status: 400,
      fields: ["body.intervalDays"],
    });
    expect(await failure(updateRotationPolicy({ actor: actorOf(admin), tier: 2, environment: "dev", input: { intervalDays: 30, graceDays: 45, requiresApproval: false }, db: database.db, now }))).toMatchObject({ status: 400, fields: ["body.graceDays"] });
    expect(await failure(updateRotationPolicy({ actor: actorOf(owner), tier: 2, environment: "dev", input: { intervalDays: 30, graceDays: 5, requiresApproval: false }, db: database.db, now }))).toMatchObject({ code: "forbidden" });
    expect(await policyRow(2, "dev")).toEqual(before);
    expect(await policyEvents()).toHaveLength(eventsBefore);
  });

  it("validates and audits settings", async () => {
    expect(await failure(updateRotationSettings({ actor: actorOf(admin), input: { leadDays: -1 }, db: database.db, now }))).toMatchObject({ status: 400, fields: ["body.leadDays"] });
    expect(await updateRotationSettings({ actor: actorOf(admin), input: { engineerHoursPerMonth: 12 }, db: database.db, now })).toMatchObject({ engineerHoursPerMonth: 12, leadDays: 14 });
    expect((await policyEvents()).at(-1)).toMatchObject({ rawAction: "rotation.settings_update" });
  });
});

describe("per-secret overrides", () => {
  it("exempts a secret with a reason (its open task is closed as skipped), and clearing it brings the task back", async () => {
    const secret = await secretFor(owner, { tier: 2, environment: "prod", lastRotatedAt: daysAgo(400) });
    await openDueTasks({ db: database.db, now });
    expect(await failure(setRotationOverride({ actor: actorOf(admin), secretId: secret.id, input: { exempt: true }, db: database.db, now }))).toMatchObject({ status: 400, fields: ["body.reason"] });
    expect(await failure(setRotationOverride({ actor: actorOf(owner), secretId: secret.id, input: { exempt: true, reason: "x" }, db: database.db, now }))).toMatchObject({ code: "forbidden" });
    expect((await tasksOf(secret.id))[0]?.status).toBe("open");

    const change = await setRotationOverride({ actor: actorOf(admin), secretId: secret.id, input: { exempt: true, reason: "Replaced by OIDC federation in June" }, db: database.db, now });
    expect(change).toMatchObject({ override: { exempt: true, reason: "Replaced by OIDC federation in June" }, effective: { exempt: true, why: "override" } });
    expect((await tasksOf(secret.id))[0]).toMatchObject({ status: "skipped", skippedReason: "Exempt from rotation: Replaced by OIDC federation in June" });

    await clearRotationOverride({ actor: actorOf(admin), secretId: secret.id, db: database.db, now });
    const tasks = await tasksOf(secret.id);
    expect(tasks.map((t) => t.status)).toEqual(["skipped", "open"]);
    // Closed by the exemption, not skipped by a person: the new task keeps the original due date.
    expect(tasks[0]?.completion).toBe("auto");
    expect(tasks[1]?.dueAt).toEqual(tasks[0]?.dueAt);
    expect((await policyEvents()).filter((e) => e.secretId === secret.id).map((e) => e.rawAction)).toEqual(["rotation.override_set", "rotation.override_clear"]);
  });

  it("gives a secret its own interval, checking grace against it", async () => {
    const secret = await secretFor(owner, { tier: 2, environment: "prod", lastRotatedAt: daysAgo(50) });
    expect(await failure(setRotationOverride({ actor: actorOf(admin), secretId: secret.id, input: { intervalDays: 30, graceDays: 30, reason: "PCI" }, db: database.db, now }))).toMatchObject({ fields: ["body.graceDays"] });
    const change = await setRotationOverride({ actor: actorOf(admin), secretId: secret.id, input: { intervalDays: 30, reason: "PCI scope" }, db: database.db, now });
    expect(change.effective).toMatchObject({ exempt: false, intervalDays: 30, graceDays: 14 });
    expect((await tasksOf(secret.id))[0]).toMatchObject({ status: "open", dueAt: new Date(daysAgo(20).getTime()) });
  });
});

describe("listRotationTasks, summary and capacity", () => {
  let mine: Secret[];
  beforeAll(async () => {
    mine = [];
    for (let i = 0; i < 5; i++) mine.push(await secretFor(otherOwner, { tier: 1, environment: "dev", lastRotatedAt: daysAgo(360 + i) }));
    await openDueTasks({ db: database.db, now });
  });

  it("shows an owner only the tasks of secrets they hold a role on, sorted by due date, in keyset pages", async () => {
    const query = listRotationTasksQuery.parse({ limit: "2" });
    const first = await listRotationTasks({ actor: actorOf(otherOwner), query, db: database.db, now });
    expect(first.items).toHaveLength(2);
    const second = await listRotationTasks({ actor: actorOf(otherOwner), query: { ...query, cursor: first.nextCursor ?? undefined }, db: database.db, now });
    const third = await listRotationTasks({ actor: actorOf(otherOwner), query: { ...query, cursor: second.nextCursor ?? undefined }, db: database.db, now });
    const all = [...first.items, ...second.items, ...third.items];
    expect(third.nextCursor).toBeNull();
    expect(all.map((t) => t.secret.id).sort()).toEqual(mine.map((s) => s.id).sort());
    expect(all.map((t) => t.dueAt)).toEqual([...all.map((t) => t.dueAt)].sort());
  });

  it("filters by assignee, tier, environment, status and overdue", async () => {
    const list = (q: Record<string, string>) => listRotationTasks({ actor: actorOf(admin), query: listRotationTasksQuery.parse(q), db: database.db, now });
    expect((await list({ assignee: otherOwner.id })).items).toHaveLength(5);
    expect((await list({ tier: "1", environment: "dev" })).items).toHaveLength(5);
    expect((await list({ tier: "4" })).items).toHaveLength(0);
    const overdue = (await list({ overdue: "true" })).items;
    expect(overdue.length).toBeGreaterThan(0);
    expect(overdue.every((t) => t.overdue)).toBe(true);
    const [first] = (await list({ assignee: otherOwner.id })).items;
    await acknowledgeRotationTask({ actor: actorOf(otherOwner), taskId: first!.id, db: database.db, now });
    expect((await list({ assignee: otherOwner.id, status: "acknowledged" })).items.map((t) => t.id)).toEqual([first!.id]);
    expect((await listRotationTasks({ actor: actorOf(otherOwner), query: listRotationTasksQuery.parse({ assignee: "me", status: "open" }), db: database.db, now })).items).toHaveLength(4);
    const from = new Date(now.getTime() - 100 * DAY).toISOString().slice(0, 10);
    const to = new Date(now.getTime() + 30 * DAY).toISOString().slice(0, 10);
    expect((await list({ from, to, assignee: otherOwner.id })).items.length).toBe(5);
  });

  it("summarizes overdue, upcoming, gaps and the two on-time metrics", async () => {
    const [task] = (await listRotationTasks({ actor: actorOf(otherOwner), query: listRotationTasksQuery.parse({ status: "acknowledged" }), db: database.db, now })).items;
    await completeRotationTask({ actor: actorOf(otherOwner), taskId: task!.id, note: "Rotated", db: database.db, now });
    const later = new Date(now.getTime() + 3 * DAY);
    const summary = await getRotationSummary({ actor: actorOf(otherOwner), db: database.db, now: later });
    // Due in 1–5 days at `now`; the first is done; three days on, the one due in 2 days is overdue.
    expect(summary).toMatchObject({ overdue: 1, dueIn14Days: 3, gaps: 0, acknowledgedWithin2Days: { count: 5, within: 1, pct: 20 } });
    // The quarter it was done in (three days on may be the next one already).
    expect(summary.onTimeByQuarter.find((q) => q.quarter === quarterOf(now))).toMatchObject({ done: 1, onTime: 1, pct: 100 });
    expect((await getRotationSummary({ actor: actorOf(founder), db: database.db, now })).open).toBeGreaterThan(5);
  });

  it("computes capacity from the registry and the settings, with suggestions when it does not fit", async () => {
    const fits = await getRotationCapacity({ actor: actorOf(admin), db: database.db, now });
    expect(fits).toMatchObject({ minutesSource: "setting", minutesPerRotation: 30, engineerHoursPerMonth: 12, capacityMinutes: 720 });
    expect(fits.highImpactSecrets).toBeGreaterThanOrEqual(5);
    const tight = await getRotationCapacity({ actor: actorOf(admin), db: database.db, now, engineerHoursPerMonth: 0.5, minutesPerRotation: 240 });
    expect(tight).toMatchObject({ minutesSource: "input", fits: false });
    expect(tight.suggestions.map((s) => s.kind)).toContain("automate");
  });
});
