// The daily job on a real database: which secrets get a task, when, for whom; idempotence; lead
// days; re-assignment; auto-confirm by rotation date and by version count.
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { accessEvents, people, roleAssignments, secrets, type Person, type Source } from "@/db/schema";
import { rotationTasks } from "@/db/schema-rotation";
import { assignRole, createPerson, createSecret, createSource } from "@/db/seed/factories";
import { confirmRotations } from "@/lib/data/rotation/confirm-rotations";
import { openDueTasks } from "@/lib/data/rotation/open-due-tasks";
import { refreshRotationTasks } from "@/lib/data/rotation/refresh-rotation-tasks";
import { updateRotationSettings } from "@/lib/data/rotation/update-rotation-settings";
import { actorOf } from "@/test/actors";
import { createTestDatabase } from "@/test/database";

const DAY = 86_400_000;
const now = new Date();
const daysAgo = (n: number) => new Date(now.getTime() - n * DAY);

let database: Database;
let source: Source;
let admin: Person, operator: Person, approver: Person, other: Person, gone: Person;

const taskOf = async (secretId: string) => database.db.select().from(rotationTasks).where(eq(rotationTasks.secretId, secretId));
async function secretWith(values: Partial<typeof secrets.$inferInsert>, roles: { operator?: Person; approver?: Person } = {}) {
  const secret = await createSecret(database.db, { sourceId: source.id, tier: 2, environment: "prod", lifetime: "static", ...values });
  if (roles.operator) await assignRole(database.db, { secretId: secret.id, role: "operator", personId: roles.operator.id });
  if (roles.approver) await assignRole(database.db, { secretId: secret.id, role: "approver", personId: roles.approver.id });
  return secret;
}

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  [admin, operator, approver, other, gone] = await Promise.all([
    createPerson(db, { role: "admin" }),
    createPerson(db, { role: "owner" }),
    createPerson(db, { role: "owner" }),
    createPerson(db, { role: "owner" }),
    createPerson(db, { role: "owner" }),
  ]);
  source = await createSource(db);
});
afterAll(() => database.close());

describe("openDueTasks", () => {
  it("opens a task for each non-exempt secret due within 14 days, assigned to the operator, else the approver, else nobody", async () => {
    const dueSoon = await secretWith({ lastRotatedAt: daysAgo(170) }, { operator, approver }); // tier 2 prod: 180 days → due in 10
    const later = await secretWith({ lastRotatedAt: daysAgo(100) }, { operator }); // due in 80
    const shortLived = await secretWith({ lifetime: "short_lived", lastRotatedAt: daysAgo(400) }, { operator });
    const approverOnly = await secretWith({ lastRotatedAt: daysAgo(200) }, { approver });
    const nobody = await secretWith({ lastRotatedAt: daysAgo(200) });
    const leftCompany = await secretWith({ lastRotatedAt: daysAgo(200) }, { operator: gone, approver });
    await database.db.update(people).set({ status: "offboarded", offboardedAt: daysAgo(3) }).where(eq(people.id, gone.id));
    const unknown = await secretWith({ tier: null, environment: null, lifetime: null, lastRotatedAt: daysAgo(100) }, { operator }); // strictest: 90 days
    const neverRotated = await secretWith({ createdInSourceAt: daysAgo(175) }, { operator });
    const missing = await secretWith({ lastRotatedAt: daysAgo(400), missingSince: daysAgo(1) }, { operator });

    const result = await openDueTasks({ db: database.db, now });
    expect(result.opened).toBeGreaterThanOrEqual(6);

    const [task] = await taskOf(dueSoon.id);
    expect(task).toMatchObject({ kind: "scheduled", status: "open", assigneeId: operator.id, assigneeRole: "operator", requiresApproval: false, dueBasis: "last_rotated", sequence: 0 });
    expect(task?.dueAt).toEqual(new Date(daysAgo(170).getTime() + 180 * DAY));
    expect(task?.graceUntil).toEqual(new Date(daysAgo(170).getTime() + 194 * DAY));
    expect(task?.openedAt).toEqual(now);

    expect(await taskOf(later.id)).toEqual([]);
    expect(await taskOf(shortLived.id)).toEqual([]);
    expect(await taskOf(missing.id)).toEqual([]);
    expect((await taskOf(approverOnly.id))[0]).toMatchObject({ assigneeId: approver.id, assigneeRole: "approver" });
    expect((await taskOf(nobody.id))[0]).toMatchObject({ assigneeId: null, assigneeRole: null });
    expect((await taskOf(leftCompany.id))[0]).toMatchObject({ assigneeId: approver.id, assigneeRole: "approver" });
    expect((await taskOf(unknown.id))[0]).toMatchObject({ requiresApproval: true, dueAt: new Date(daysAgo(100).getTime() + 90 * DAY) });
    expect((await taskOf(neverRotated.id))[0]).toMatchObject({ dueBasis: "created_in_source" });
  });

  it("opens nothing twice", async () => {
    const before = await database.db.select({ n: sql<number>`count(*)::int` }).from(rotationTasks);
    expect(await openDueTasks({ db: database.db, now })).toMatchObject({ opened: 0, updated: 0, closed: 0, withdrawn: 0, changes: [] });
    expect(await database.db.select({ n: sql<number>`count(*)::int` }).from(rotationTasks)).toEqual(before);
  });

  it("opens earlier when an admin lengthens the lead time", async () => {
    const inTwentyDays = await secretWith({ lastRotatedAt: daysAgo(160) }, { operator });
    await openDueTasks({ db: database.db, now });
    expect(await taskOf(inTwentyDays.id)).toEqual([]);
    await updateRotationSettings({ actor: actorOf(admin), db: database.db, now, input: { leadDays: 30 } });
    expect(await taskOf(inTwentyDays.id)).toHaveLength(1);
    await updateRotationSettings({ actor: actorOf(admin), db: database.db, now, input: { leadDays: 14 } });
  });

  it("hands an open task to the new operator, bumping its sequence", async () => {
    const secret = await secretWith({ lastRotatedAt: daysAgo(200) }, { operator });
    await openDueTasks({ db: database.db, now });
    await database.db.update(roleAssignments).set({ personId: other.id }).where(sql`${roleAssignments.secretId} = ${secret.id} and ${roleAssignments.role} = 'operator'`);
    const result = await openDueTasks({ db: database.db, now });
    expect(result.updated).toBe(1);
    expect((await taskOf(secret.id))[0]).toMatchObject({ assigneeId: other.id, sequence: 1 });
  });
});

describe("refreshRotationTasks", () => {
  it("hands the tasks of the given secrets to their new holder at once, touching no other secret", async () => {
    const moved = await secretWith({ lastRotatedAt: daysAgo(200) }, { operator });
    const untouched = await secretWith({ lastRotatedAt: daysAgo(200) }, { operator });
    await openDueTasks({ db: database.db, now });
    await database.db.update(roleAssignments).set({ personId: other.id }).where(sql`${roleAssignments.role} = 'operator' and ${roleAssignments.secretId} in (${moved.id}, ${untouched.id})`);
    expect(await refreshRotationTasks({ db: database.db, secretIds: [moved.id], now })).toMatchObject({ opened: 0, updated: 1, closed: 0, withdrawn: 0 });
    expect((await taskOf(moved.id))[0]?.assigneeId).toBe(other.id);
    expect((await taskOf(untouched.id))[0]?.assigneeId).toBe(operator.id);
    await openDueTasks({ db: database.db, now });
  });
});

describe("confirmRotations", () => {
  it("marks a task done when the store shows a rotation after the one its due date counted from", async () => {
    const secret = await secretWith({ lastRotatedAt: daysAgo(200), versionCount: 3 }, { operator });
    await openDueTasks({ db: database.db, now });
    const rotatedAt = new Date(now.getTime() + 2 * 3_600_000);
    await database.db.update(secrets).set({ lastRotatedAt: rotatedAt }).where(eq(secrets.id, secret.id));
    const later = new Date(now.getTime() + DAY);
    expect(await confirmRotations({ db: database.db, now: later })).toBe(1);
    const [task] = await taskOf(secret.id);
    expect(task).toMatchObject({ status: "done", completion: "auto", completedAt: rotatedAt, sequence: 1 });
    const events = await database.db.select().from(accessEvents).where(sql`${accessEvents.secretId} = ${secret.id} and ${accessEvents.rawAction} = 'rotation.auto_confirm'`);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "rotate", sourceKind: "keyledger", actor: "keyledger:system", actorType: "service", authSource: "system", detail: expect.objectContaining({ taskId: task?.id, confirmedBy: "rotation_date" }) });
    // The rotation is now the basis: nothing new opens.
    expect((await openDueTasks({ db: database.db, now: later })).opened).toBe(0);
    expect(await taskOf(secret.id)).toHaveLength(1);
  });

  it("marks a task done when only the version count rose, completed when noticed", async () => {
    const secret = await secretWith({ lastRotatedAt: null, createdInSourceAt: daysAgo(300), versionCount: 2 }, { operator });
    await openDueTasks({ db: database.db, now });
    const [opened] = await taskOf(secret.id);
    expect(opened?.openedVersionCount).toBe(2);
    expect(await confirmRotations({ db: database.db, now })).toBe(0);
    await database.db.update(secrets).set({ versionCount: 3 }).where(eq(secrets.id, secret.id));
    const noticed = new Date(now.getTime() + 3_600_000);
    expect(await confirmRotations({ db: database.db, now: noticed })).toBe(1);
    expect((await taskOf(secret.id))[0]).toMatchObject({ status: "done", completion: "auto", completedAt: noticed });
  });

  it("leaves a task alone when the store shows nothing new", async () => {
    const secret = await secretWith({ lastRotatedAt: daysAgo(200), versionCount: 5 }, { operator });
    await openDueTasks({ db: database.db, now });
    await database.db.update(secrets).set({ versionCount: 5, description: "touched" }).where(eq(secrets.id, secret.id));
    await confirmRotations({ db: database.db, now });
    expect((await taskOf(secret.id))[0]?.status).toBe("open");
  });
});
