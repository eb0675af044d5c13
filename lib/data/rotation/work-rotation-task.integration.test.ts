// Working a task on a real database: who may acknowledge, complete, skip and approve; the state
// machine; bad input refused with the field named and nothing changed; every action an access event.
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { accessEvents, type Person, type Secret, type Source } from "@/db/schema";
import { rotationTasks } from "@/db/schema-rotation";
import { assignRole, createConsumer, createPerson, createSecret, createSource, linkConsumer } from "@/db/seed/factories";
import { acknowledgeRotationTask } from "@/lib/data/rotation/acknowledge-rotation-task";
import { approveRotationTask } from "@/lib/data/rotation/approve-rotation-task";
import { completeRotationTask } from "@/lib/data/rotation/complete-rotation-task";
import { getRotationTask } from "@/lib/data/rotation/get-rotation-task";
import { openDueTasks } from "@/lib/data/rotation/open-due-tasks";
import { openRotateNowTask } from "@/lib/data/rotation/open-rotate-now-task";
import { skipRotationTask } from "@/lib/data/rotation/skip-rotation-task";
import { actorOf } from "@/test/actors";
import { createTestDatabase } from "@/test/database";
import { failure } from "@/test/app-errors";

const DAY = 86_400_000;
const now = new Date();
const daysAgo = (n: number) => new Date(now.getTime() - n * DAY);

let database: Database;
let source: Source;
let admin: Person, operator: Person, approver: Person, bystander: Person, stranger: Person, auditor: Person;

const rowOf = async (taskId: string) => (await database.db.select().from(rotationTasks).where(eq(rotationTasks.id, taskId)))[0]!;
const eventsFor = (secretId: string) =>
  database.db.select().from(accessEvents).where(sql`${accessEvents.secretId} = ${secretId} and ${accessEvents.sourceKind} = 'keyledger'`).orderBy(accessEvents.id);

/** A secret due now (tier 1 prod when `approval`, else tier 2 prod) with its open task. */
async function dueTask({ approval = false } = {}): Promise<{ secret: Secret; taskId: string }> {
  const secret = await createSecret(database.db, { sourceId: source.id, tier: approval ? 1 : 2, environment: "prod", lifetime: "static", lastRotatedAt: daysAgo(400), revokePath: "aws secretsmanager rotate-secret" });
  await assignRole(database.db, { secretId: secret.id, role: "operator", personId: operator.id });
  await assignRole(database.db, { secretId: secret.id, role: "approver", personId: approver.id });
  await assignRole(database.db, { secretId: secret.id, role: "creator", personId: bystander.id });
  await openDueTasks({ db: database.db, now });
  const [task] = await database.db.select().from(rotationTasks).where(eq(rotationTasks.secretId, secret.id));
  return { secret, taskId: task!.id };
}

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  [admin, operator, approver, bystander, stranger, auditor] = await Promise.all([
    createPerson(db, { role: "admin" }),
    createPerson(db, { role: "owner", name: "Olga Operator" }),
    createPerson(db, { role: "owner", name: "Abe Approver" }),
    createPerson(db, { role: "owner" }),
    createPerson(db, { role: "owner" }),
    createPerson(db, { role: "auditor" }),
  ]);
  source = await createSource(db, { name: "AWS · prod" });
});
afterAll(() => database.close());

describe("acknowledge", () => {
  it("lets the assignee acknowledge, bumps the sequence and records an access event", async () => {
    const { secret, taskId } = await dueTask();
    const task = await acknowledgeRotationTask({ actor: actorOf(operator), taskId, db: database.db, now, context: { rawId: "req-1", sourceIp: "10.0.0.1", userAgent: "test" } });
    expect(task).toMatchObject({ id: taskId, status: "acknowledged", acknowledgedBy: { id: operator.id, name: "Olga Operator" }, sequence: 1, overdue: true, gap: false });
    expect(task.acknowledgedAt).toBe(now.toISOString());
    expect(task.secret).toMatchObject({ id: secret.id, tier: 2, environment: "prod", sourceName: "AWS · prod" });
    const [event] = await eventsFor(secret.id);
    expect(event).toMatchObject({ action: "rotate", rawAction: "rotation.acknowledge", actor: operator.email, rawId: "req-1", sourceIp: "10.0.0.1", result: "success" });
    expect(event?.detail).toMatchObject({ taskId, from: "open", to: "acknowledged" });
  });

  it("refuses someone else's task: 403 for an owner who can see it, 404 for one who cannot; nothing changes", async () => {
    const { secret, taskId } = await dueTask();
    expect(await failure(acknowledgeRotationTask({ actor: actorOf(bystander), taskId, db: database.db, now }))).toMatchObject({ code: "forbidden", status: 403 });
    expect(await failure(acknowledgeRotationTask({ actor: actorOf(stranger), taskId, db: database.db, now }))).toMatchObject({ code: "not_found", status: 404 });
    expect(await failure(acknowledgeRotationTask({ actor: actorOf(auditor), taskId, db: database.db, now }))).toMatchObject({ code: "forbidden" });
    expect(await rowOf(taskId)).toMatchObject({ status: "open", acknowledgedAt: null, sequence: 0 });
    expect(await eventsFor(secret.id)).toEqual([]);
  });

  it("answers 409 for a task already acknowledged", async () => {
    const { taskId } = await dueTask();
    await acknowledgeRotationTask({ actor: actorOf(operator), taskId, db: database.db, now });
    const error = await failure(acknowledgeRotationTask({ actor: actorOf(operator), taskId, db: database.db, now }));
    expect(error).toMatchObject({ code: "conflict", status: 409, message: "This task is already acknowledged, so it cannot be acknowledged." });
    expect((await rowOf(taskId)).sequence).toBe(1);
  });

  it("lets an admin work any task", async () => {
    const { taskId } = await dueTask();
    expect(await acknowledgeRotationTask({ actor: actorOf(admin), taskId, db: database.db, now })).toMatchObject({ status: "acknowledged", acknowledgedBy: { id: admin.id } });
  });
});

describe("done, approve and skip", () => {
  it("needs a note for a manual done (400, field named, nothing changed)", async () => {
    const { secret, taskId } = await dueTask();
    const error = await failure(completeRotationTask({ actor: actorOf(operator), taskId, note: "  ", db: database.db, now }));
    expect(error).toMatchObject({ code: "bad_request", status: 400, fields: [{ field: "body.note", message: "A note on how it was rotated is required" }] });
    expect(await rowOf(taskId)).toMatchObject({ status: "open", completedAt: null, sequence: 0 });
    expect(await eventsFor(secret.id)).toEqual([]);
  });

  it("completes a task with a note", async () => {
    const { secret, taskId } = await dueTask();
    const task = await completeRotationTask({ actor: actorOf(operator), taskId, note: "Rotated in the console, redeployed payments-api", db: database.db, now });
    expect(task).toMatchObject({ status: "done", completion: "manual", completedBy: { id: operator.id }, note: "Rotated in the console, redeployed payments-api", overdue: false });
    expect((await eventsFor(secret.id)).map((e) => e.rawAction)).toEqual(["rotation.done"]);
    expect(await failure(skipRotationTask({ actor: actorOf(operator), taskId, reason: "Rotated already, nothing to skip", db: database.db, now }))).toMatchObject({ code: "conflict" });
  });

  it("waits for the approver's sign-off when the policy requires it; only the approver or an admin signs off", async () => {
    const { secret, taskId } = await dueTask({ approval: true });
    const awaiting = await completeRotationTask({ actor: actorOf(operator), taskId, note: "Rotated", db: database.db, now });
    expect(awaiting).toMatchObject({ status: "awaiting_approval", requiresApproval: true, approver: { id: approver.id, name: "Abe Approver" } });
    expect(await failure(approveRotationTask({ actor: actorOf(operator), taskId, db: database.db, now }))).toMatchObject({ code: "forbidden" });
    const signed = await approveRotationTask({ actor: actorOf(approver), taskId, db: database.db, now });
    expect(signed).toMatchObject({ status: "done", approvedBy: { id: approver.id }, sequence: 2 });
    expect(await failure(approveRotationTask({ actor: actorOf(approver), taskId, db: database.db, now }))).toMatchObject({ code: "conflict" });
    expect((await eventsFor(secret.id)).map((e) => e.rawAction)).toEqual(["rotation.done", "rotation.approve"]);
  });

  it("needs a reason to skip; the next due date counts a full interval from the skip", async () => {
    const { secret, taskId } = await dueTask();
    const error = await failure(skipRotationTask({ actor: actorOf(operator), taskId, reason: undefined, db: database.db, now }));
    expect(error).toMatchObject({ status: 400, fields: [{ field: "body.reason" }] });
    expect((await rowOf(taskId)).status).toBe("open");
    const skipped = await skipRotationTask({ actor: actorOf(operator), taskId, reason: "Service is being decommissioned next week", db: database.db, now });
    expect(skipped).toMatchObject({ status: "skipped", skippedReason: "Service is being decommissioned next week" });
    expect((await eventsFor(secret.id)).at(-1)).toMatchObject({ rawAction: "rotation.skip", detail: expect.objectContaining({ reason: "Service is being decommissioned next week" }) });
    // Due 220 days ago: 180 days after the skipped due date is still past, so the next task counts
    // from the skip itself and is not opened again, overdue, by the daily job (issue 10).
    await openDueTasks({ db: database.db, now });
    const tasksOf = () => database.db.select().from(rotationTasks).where(eq(rotationTasks.secretId, secret.id)).orderBy(rotationTasks.dueAt);
    expect(await tasksOf()).toHaveLength(1);
    await openDueTasks({ db: database.db, now, leadDays: 200 });
    const tasks = await tasksOf();
    expect(tasks).toHaveLength(2);
    expect(tasks[1]).toMatchObject({ dueAt: new Date(now.getTime() + 180 * DAY), dueBasis: "skipped", followsTaskId: taskId });
  });
});

describe("getRotationTask", () => {
  it("shows the runbook and the impact checklist: consumers to update, people to notify", async () => {
    const { secret, taskId } = await dueTask();
    const consumer = await createConsumer(database.db, { name: `payments-api-${taskId.slice(0, 6)}`, kind: "service" });
    await linkConsumer(database.db, { secretId: secret.id, consumerId: consumer.id });
    const detail = await getRotationTask({ actor: actorOf(operator), id: taskId, db: database.db, now });
    expect(detail?.runbook).toEqual({ revokePath: "aws secretsmanager rotate-secret" });
    expect(detail?.impact.consumers).toEqual([{ id: consumer.id, name: consumer.name, kind: "service", team: null }]);
    expect(detail?.impact.notify.map((p) => [p.role, p.id])).toEqual([
      ["creator", bystander.id],
      ["operator", operator.id],
      ["approver", approver.id],
    ]);
    expect(detail?.dueBasis).toBe("last_rotated");
    expect(await getRotationTask({ actor: actorOf(stranger), id: taskId, db: database.db, now })).toBeNull();
  });
});

describe("openRotateNowTask", () => {
  it("opens a task due now for offboarding, adds a second reason to it rather than opening another", async () => {
    const secret = await createSecret(database.db, { sourceId: source.id, tier: 3, environment: "prod", lastRotatedAt: daysAgo(10) });
    await assignRole(database.db, { secretId: secret.id, role: "operator", personId: operator.id });
    const first = await openRotateNowTask({ actor: actorOf(admin), secretId: secret.id, reason: "Offboarding of Dana: held operator", db: database.db, now });
    expect(first).toMatchObject({ created: true, task: { kind: "rotate_now", status: "open", dueAt: now.toISOString(), assignee: { id: operator.id }, dueBasis: null, reason: "Offboarding of Dana: held operator" } });
    const second = await openRotateNowTask({ actor: actorOf(admin), secretId: secret.id, reason: "Leak in #eng", db: database.db, now });
    expect(second).toMatchObject({ created: false, task: { id: first.task.id, reason: "Offboarding of Dana: held operator; Leak in #eng", sequence: 1 } });
    expect((await eventsFor(secret.id)).map((e) => e.rawAction)).toEqual(["rotation.rotate_now", "rotation.rotate_now"]);
    expect(await failure(openRotateNowTask({ actor: actorOf(operator), secretId: secret.id, reason: "x", db: database.db, now }))).toMatchObject({ code: "forbidden" });
    expect(await failure(openRotateNowTask({ actor: actorOf(admin), secretId: secret.id, reason: "", db: database.db, now }))).toMatchObject({ status: 400, fields: [{ field: "body.reason" }] });
  });
});
