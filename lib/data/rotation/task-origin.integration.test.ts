// Why a task exists and what a change leaves behind, on a real database (issue 10): a skipped
// overdue task does not come back as a ghost after an unrelated change or the daily job; a policy
// change previews exactly what it does and undoing it restores the tasks; a task on a secret gone
// from its store is closed with that reason; an inventory import auto-confirms like a sync.
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { secrets, type Person, type Secret, type Source } from "@/db/schema";
import { rotationTasks } from "@/db/schema-rotation";
import { assignRole, createPerson, createSecret, createSource } from "@/db/seed/factories";
import { importInventory } from "@/lib/data/inventory/import-inventory";
import { getRotationTask } from "@/lib/data/rotation/get-rotation-task";
import { openDueTasks } from "@/lib/data/rotation/open-due-tasks";
import { skipRotationTask } from "@/lib/data/rotation/skip-rotation-task";
import { updateRotationPolicy } from "@/lib/data/rotation/update-rotation-policy";
import { updateRotationSettings } from "@/lib/data/rotation/update-rotation-settings";
import { actorOf } from "@/test/actors";
import { createTestDatabase } from "@/test/database";

const DAY = 86_400_000;
const now = new Date();
const daysAgo = (n: number) => new Date(now.getTime() - n * DAY);
const ACTIVE = ["open", "acknowledged", "awaiting_approval"] as const;

let database: Database;
let source: Source;
let admin: Person, operator: Person;

const active = (secretId: string) => database.db.select().from(rotationTasks).where(and(eq(rotationTasks.secretId, secretId), inArray(rotationTasks.status, [...ACTIVE])));
/** Every task of these secrets as the calendar shows it. */
const snapshot = async (ids: string[]) =>
  (await database.db.select().from(rotationTasks).where(inArray(rotationTasks.secretId, ids)).orderBy(rotationTasks.secretId, rotationTasks.openedAt)).map((t) => ({
    id: t.id, status: t.status, dueAt: t.dueAt.toISOString(), graceUntil: t.graceUntil.toISOString(), assigneeId: t.assigneeId,
  }));
async function secretFor(values: Partial<Secret>) {
  const secret = await createSecret(database.db, { sourceId: source.id, lifetime: "static", ...values });
  await assignRole(database.db, { secretId: secret.id, role: "operator", personId: operator.id });
  return secret;
}
const setPolicy = (tier: number, environment: "prod" | "staging" | "dev", intervalDays: number, graceDays: number, preview = false) =>
  updateRotationPolicy({ actor: actorOf(admin), tier, environment, input: { intervalDays, graceDays, requiresApproval: false }, db: database.db, preview });

beforeAll(async () => {
  database = await createTestDatabase();
  [admin, operator] = await Promise.all([createPerson(database.db, { role: "admin" }), createPerson(database.db, { role: "owner" })]);
  source = await createSource(database.db);
});
afterAll(() => database.close());

describe("a skip handles its due date", () => {
  it("no unrelated policy change, settings change or daily job re-opens an overdue task; the next one counts from the skip and says so", async () => {
    // Tier 2 production (180 days), last rotated 295 days ago: 115 days overdue.
    const secret = await secretFor({ tier: 2, environment: "prod", lastRotatedAt: daysAgo(295) });
    await openDueTasks({ db: database.db, now });
    const [task] = await active(secret.id);
    expect(task?.dueAt).toEqual(daysAgo(115));
    await skipRotationTask({ actor: actorOf(operator), taskId: task!.id, reason: "Being replaced by OIDC federation this sprint", db: database.db });

    await setPolicy(3, "staging", 300, 20);
    await openDueTasks({ db: database.db });
    expect(await active(secret.id)).toEqual([]);

    // A lead time long enough to reach it opens the next one, due 180 days after the skip, not overdue.
    await updateRotationSettings({ actor: actorOf(admin), input: { leadDays: 90 }, db: database.db });
    expect(await active(secret.id)).toEqual([]);
    await setPolicy(2, "prod", 60, 7);
    const [next] = await active(secret.id);
    expect(next).toMatchObject({ dueBasis: "skipped", followsTaskId: task!.id, openedVia: "policy_change", openedBy: admin.id });
    expect(next!.dueAt.getTime()).toBeGreaterThan(Date.now() + 58 * DAY);
    const detail = await getRotationTask({ actor: actorOf(admin), id: next!.id, db: database.db });
    expect(detail?.history[0]).toMatchObject({ step: "opened", actor: admin.name, via: "policy_change" });
    expect(detail?.history[0]?.text).toContain(`Next after the skip on ${now.toISOString().slice(0, 10)} by ${operator.name}`);

    // Undone, the task the change opened goes again (nobody has touched it).
    await setPolicy(2, "prod", 180, 14);
    await updateRotationSettings({ actor: actorOf(admin), input: { leadDays: 14 }, db: database.db });
    expect(await active(secret.id)).toEqual([]);
  });
});

describe("a policy change", () => {
  it("previews exactly what it does, changes nothing until applied, and undoing it restores the tasks", async () => {
    // Tier 4 dev (730 days): one due in 10 days (open), two a shorter interval would bring due.
    const open = await secretFor({ tier: 4, environment: "dev", lastRotatedAt: daysAgo(720) });
    const soon = await secretFor({ tier: 4, environment: "dev", lastRotatedAt: daysAgo(600) });
    const late = await secretFor({ tier: 4, environment: "dev", lastRotatedAt: daysAgo(650) });
    const ids = [open.id, soon.id, late.id];
    await openDueTasks({ db: database.db, now });
    const before = await snapshot(ids);
    expect(before).toHaveLength(1);

    const preview = await setPolicy(4, "dev", 600, 60, true);
    expect(preview.applied).toBe(false);
    expect(await snapshot(ids)).toEqual(before);
    const mine = (r: typeof preview) => r.tasks.changes.filter((c) => ids.includes(c.secret.id)).map((c) => [c.change, c.secret.name]).sort();
    expect(mine(preview)).toEqual([["move", open.name], ["open", late.name], ["open", soon.name]].sort());

    const applied = await setPolicy(4, "dev", 600, 60);
    expect(applied.applied).toBe(true);
    expect(mine(applied)).toEqual(mine(preview));
    expect((await snapshot(ids)).filter((t) => t.status === "open")).toHaveLength(3);

    const reverted = await setPolicy(4, "dev", 730, 60);
    expect(mine(reverted)).toEqual([["move", open.name], ["withdraw", late.name], ["withdraw", soon.name]].sort());
    expect(await snapshot(ids)).toEqual(before);
  });
});

describe("tasks handed over", () => {
  it("closes the task of a secret gone from its store, saying so in its history", async () => {
    const secret = await secretFor({ tier: 2, environment: "prod", lastRotatedAt: daysAgo(200) });
    await openDueTasks({ db: database.db, now });
    const [task] = await active(secret.id);
    await database.db.update(secrets).set({ missingSince: daysAgo(2) }).where(eq(secrets.id, secret.id));
    await openDueTasks({ db: database.db, now });
    expect(await active(secret.id)).toEqual([]);
    const detail = await getRotationTask({ actor: actorOf(admin), id: task!.id, db: database.db });
    expect(detail).toMatchObject({ status: "skipped", completion: "auto" });
    expect(detail?.history.at(-1)).toMatchObject({ step: "skipped", actor: "Keyledger", how: "auto" });
    expect(detail?.history.at(-1)?.text).toContain(`has not reported this secret since ${daysAgo(2).toISOString().slice(0, 10)}`);
  });

  it("an inventory import that names a new operator hands the secret's open task to them at once", async () => {
    const newcomer = await createPerson(database.db, { role: "owner" });
    const file = (email: string) => `name,environment,tier,operator\nHanded over key,prod,2,${email}\n`;
    const first = await importInventory({ db: database.db, text: file(operator.email), fileName: "handover.csv", sourceName: "Inventory for handover" });
    expect(first.ok).toBe(true);
    const [secret] = await database.db.select().from(secrets).where(eq(secrets.name, "Handed over key"));
    await openDueTasks({ db: database.db, now, leadDays: 400 });
    const [task] = await active(secret!.id);
    expect(task).toMatchObject({ status: "open", assigneeId: operator.id, assigneeRole: "operator" });
    await importInventory({ db: database.db, text: file(newcomer.email), fileName: "handover.csv", sourceName: "Inventory for handover" });
    expect(await active(secret!.id)).toEqual([expect.objectContaining({ id: task!.id, status: "open", assigneeId: newcomer.id, assigneeRole: "operator" })]);
  });

  it("an inventory import confirms the rotations its secrets show, as a sync does", async () => {
    const text = `name,environment,tier,operator\nInventory import key,prod,2,${operator.email}\n`;
    const first = await importInventory({ db: database.db, text, fileName: "keys.csv", sourceName: "Inventory for rotation" });
    expect(first.ok).toBe(true);
    const [secret] = await database.db.select().from(secrets).where(eq(secrets.name, "Inventory import key"));
    await openDueTasks({ db: database.db, now, leadDays: 400 });
    const [task] = await active(secret!.id);
    expect(task?.status).toBe("open");
    await database.db.update(secrets).set({ lastRotatedAt: new Date() }).where(eq(secrets.id, secret!.id));
    await importInventory({ db: database.db, text, fileName: "keys.csv", sourceName: "Inventory for rotation" });
    const [after] = await database.db.select().from(rotationTasks).where(eq(rotationTasks.id, task!.id));
    expect(after).toMatchObject({ status: "done", completion: "auto" });
  });
});
