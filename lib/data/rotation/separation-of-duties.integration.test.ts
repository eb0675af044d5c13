// Separation of duties in rotation sign-off, on a real database: whoever marked a task done never
// signs it off; an approver who is also the operator hands the sign-off to an admin other than the
// doer, and the conflict stays on the task; a skip needs a real reason, records who and when, and
// the skip of a task that needs sign-off is a second person's; the history says who did each step.
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { people, type Person, type Source } from "@/db/schema";
import { rotationTasks } from "@/db/schema-rotation";
import { assignRole, createPerson, createSecret, createSource } from "@/db/seed/factories";
import { acknowledgeRotationTask } from "@/lib/data/rotation/acknowledge-rotation-task";
import { approveRotationTask } from "@/lib/data/rotation/approve-rotation-task";
import { completeRotationTask } from "@/lib/data/rotation/complete-rotation-task";
import { getRotationTask } from "@/lib/data/rotation/get-rotation-task";
import { listRotationTasks } from "@/lib/data/rotation/list-rotation-tasks";
import { openDueTasks } from "@/lib/data/rotation/open-due-tasks";
import { skipRotationTask } from "@/lib/data/rotation/skip-rotation-task";
import { actorOf } from "@/test/actors";
import { createTestDatabase } from "@/test/database";
import { failure as refusal } from "@/test/app-errors";

const DAY = 86_400_000;
const now = new Date();
const daysAgo = (n: number) => new Date(now.getTime() - n * DAY);

let database: Database;
let source: Source;
let sam: Person, arjun: Person, olga: Person, abe: Person;

const rowOf = async (taskId: string) => (await database.db.select().from(rotationTasks).where(eq(rotationTasks.id, taskId)))[0]!;

/** A rotation due now, with the roles given; tier 1 prod needs sign-off, tier 2 prod does not. */
async function dueTask({ operator, approver, approval = true }: { operator?: Person; approver?: Person; approval?: boolean }) {
  const secret = await createSecret(database.db, { sourceId: source.id, tier: approval ? 1 : 2, environment: "prod", lifetime: "static", lastRotatedAt: daysAgo(400) });
  if (operator) await assignRole(database.db, { secretId: secret.id, role: "operator", personId: operator.id });
  if (approver) await assignRole(database.db, { secretId: secret.id, role: "approver", personId: approver.id });
  await openDueTasks({ db: database.db, now });
  const [task] = await database.db.select().from(rotationTasks).where(eq(rotationTasks.secretId, secret.id));
  expect(task?.requiresApproval).toBe(approval);
  return task!.id;
}
const work = (person: Person, taskId: string) => ({ actor: actorOf(person), taskId, db: database.db, now });

beforeAll(async () => {
  database = await createTestDatabase();
  [sam, arjun, olga, abe] = [
    await createPerson(database.db, { role: "admin", name: "Sam Okafor" }),
    await createPerson(database.db, { role: "admin", name: "Arjun Mehta" }),
    await createPerson(database.db, { role: "owner", name: "Olga Operator" }),
    await createPerson(database.db, { role: "owner", name: "Abe Approver" }),
  ];
  source = await createSource(database.db, { name: "AWS · prod" });
});
afterAll(() => database.close());

describe("sign-off by a second person", () => {
  it("refuses the operator who is also the approver; an admin other than the doer signs off, and the conflict stays visible", async () => {
    const taskId = await dueTask({ operator: olga, approver: olga });
    const open = await getRotationTask({ actor: actorOf(olga), id: taskId, db: database.db, now });
    expect(open?.signOff).toEqual({ by: "admin", conflict: "approver_is_operator", signers: [{ id: arjun.id, name: "Arjun Mehta" }, { id: sam.id, name: "Sam Okafor" }] });

    await completeRotationTask({ ...work(olga, taskId), note: "Rotated in the console" });
    const refused = await refusal(approveRotationTask(work(olga, taskId)));
    expect(refused).toMatchObject({ code: "forbidden", status: 403, message: "You marked this rotation done, so you cannot also sign it off. Arjun Mehta or Sam Okafor are the second person here." });
    expect(await rowOf(taskId)).toMatchObject({ status: "awaiting_approval", approvedBy: null, sequence: 1 });

    const signed = await approveRotationTask(work(sam, taskId));
    expect(signed).toMatchObject({ status: "done", approvedBy: { id: sam.id }, completedBy: { id: olga.id }, signOff: { by: "admin", conflict: "approver_is_operator" } });
    // Still flagged in the list everyone sees, after the fact too.
    const { items } = await listRotationTasks({ actor: actorOf(sam), query: { limit: 500, status: ["done"] }, db: database.db, now });
    expect(items.find((t) => t.id === taskId)?.signOff?.conflict).toBe("approver_is_operator");
  });

  it("never lets the admin who marked it done sign it off; another admin does", async () => {
    const taskId = await dueTask({ operator: olga, approver: sam });
    await completeRotationTask({ ...work(sam, taskId), note: "Rotated for Olga while she was away" });
    expect((await getRotationTask({ actor: actorOf(sam), id: taskId, db: database.db, now }))?.signOff).toEqual({ by: "admin", conflict: "approver_did_it", signers: [{ id: arjun.id, name: "Arjun Mehta" }] });
    expect(await refusal(approveRotationTask(work(sam, taskId)))).toMatchObject({ code: "forbidden", message: expect.stringContaining("You marked this rotation done") });
    expect(await refusal(approveRotationTask(work(olga, taskId)))).toMatchObject({ code: "forbidden" });
    expect(await approveRotationTask(work(arjun, taskId))).toMatchObject({ status: "done", approvedBy: { id: arjun.id } });
  });

  it("keeps the approver's sign-off when the approver is a second person", async () => {
    const taskId = await dueTask({ operator: olga, approver: abe });
    await completeRotationTask({ ...work(olga, taskId), note: "Rotated" });
    expect(await approveRotationTask(work(abe, taskId))).toMatchObject({ status: "done", approvedBy: { id: abe.id }, signOff: { by: "approver", conflict: null } });
  });

  it("hands an approver who had to do the work themselves (no operator) to an admin", async () => {
    const taskId = await dueTask({ approver: abe });
    await completeRotationTask({ ...work(abe, taskId), note: "Rotated" });
    expect(await refusal(approveRotationTask(work(abe, taskId)))).toMatchObject({ code: "forbidden" });
    expect(await approveRotationTask(work(arjun, taskId))).toMatchObject({ status: "done", approvedBy: { id: arjun.id } });
  });

  it("leaves the task waiting, and says why, when no admin is left who is not the doer", async () => {
    const taskId = await dueTask({ operator: sam, approver: sam });
    await completeRotationTask({ ...work(sam, taskId), note: "Rotated" });
    await database.db.update(people).set({ status: "offboarded" }).where(eq(people.id, arjun.id));
    try {
      expect((await getRotationTask({ actor: actorOf(sam), id: taskId, db: database.db, now }))?.signOff?.signers).toEqual([]);
      expect(await refusal(approveRotationTask(work(sam, taskId)))).toMatchObject({ code: "forbidden", message: expect.stringContaining("Nobody else can") });
    } finally {
      await database.db.update(people).set({ status: "active" }).where(eq(people.id, arjun.id));
    }
    expect(await approveRotationTask(work(arjun, taskId))).toMatchObject({ status: "done" });
  });
});

describe("skip", () => {
  it("needs a real reason (the rule is in the error), and records who skipped and when", async () => {
    const taskId = await dueTask({ operator: olga, approver: abe, approval: false });
    for (const reason of ["x", "n/a", "...........", "later"]) {
      const refused = await refusal(skipRotationTask({ ...work(olga, taskId), reason }));
      expect(refused).toMatchObject({ code: "bad_request", status: 400, fields: [{ field: "body.reason", message: expect.stringContaining("at least 10 letters or digits, in two or more words") }] });
    }
    expect(await rowOf(taskId)).toMatchObject({ status: "open", skippedReason: null, skippedBy: null, skippedAt: null, sequence: 0 });

    const skipped = await skipRotationTask({ ...work(olga, taskId), reason: "Service is being decommissioned next week" });
    expect(skipped).toMatchObject({ status: "skipped", skippedBy: { id: olga.id, name: "Olga Operator" }, skippedAt: now.toISOString() });
    expect(await rowOf(taskId)).toMatchObject({ skippedBy: olga.id, skippedAt: now });
  });

  it("of a task that needs sign-off is the approver's or an admin's decision, never the operator's", async () => {
    const taskId = await dueTask({ operator: olga, approver: abe });
    const reason = "Replaced by OIDC federation this sprint";
    expect(await refusal(skipRotationTask({ ...work(olga, taskId), reason }))).toMatchObject({ code: "forbidden", message: expect.stringContaining("Abe Approver, Arjun Mehta or Sam Okafor") });
    expect((await rowOf(taskId)).status).toBe("open");
    expect(await skipRotationTask({ ...work(abe, taskId), reason })).toMatchObject({ status: "skipped", skippedBy: { id: abe.id } });

    const conflicted = await dueTask({ operator: olga, approver: olga });
    expect(await refusal(skipRotationTask({ ...work(olga, conflicted), reason }))).toMatchObject({ code: "forbidden" });
    expect(await skipRotationTask({ ...work(arjun, conflicted), reason })).toMatchObject({ status: "skipped", skippedBy: { id: arjun.id } });
  });
});

describe("history", () => {
  it("says who did every step: opened, acknowledged, marked done, approved", async () => {
    const taskId = await dueTask({ operator: olga, approver: olga });
    await acknowledgeRotationTask(work(olga, taskId));
    await completeRotationTask({ ...work(olga, taskId), note: "New key issued, old one revoked" });
    const waiting = await getRotationTask({ actor: actorOf(olga), id: taskId, db: database.db, now });
    expect(waiting?.history.map((s) => [s.step, s.actor, s.how, s.as, s.text])).toEqual([
      ["opened", "Keyledger", "auto", null, "Due by the rotation policy, counted from its last rotation"],
      ["acknowledged", "Olga Operator", null, "assignee", null],
      ["done", "Olga Operator", "manual", "assignee", "New key issued, old one revoked"],
      ["waiting", "", null, null, null],
    ]);
    expect(waiting?.history.at(-1)?.waitingFor).toEqual([{ id: arjun.id, name: "Arjun Mehta" }, { id: sam.id, name: "Sam Okafor" }]);

    await approveRotationTask(work(sam, taskId));
    const done = await getRotationTask({ actor: actorOf(olga), id: taskId, db: database.db, now });
    expect(done?.history.at(-1)).toMatchObject({ step: "approved", by: { id: sam.id, name: "Sam Okafor" }, as: "admin" });
  });

  it("shows a skip with its reason and whoever skipped it, from the row when no event tells", async () => {
    const taskId = await dueTask({ operator: olga, approval: false });
    await skipRotationTask({ ...work(olga, taskId), reason: "Being replaced by workload identity" });
    const viaEvents = await getRotationTask({ actor: actorOf(olga), id: taskId, db: database.db, now });
    expect(viaEvents?.history.at(-1)).toMatchObject({ step: "skipped", actor: "Olga Operator", how: "manual", text: "Being replaced by workload identity" });
    await database.db.execute(sql`delete from access_events where detail->>'taskId' = ${taskId}`);
    const fromRow = await getRotationTask({ actor: actorOf(olga), id: taskId, db: database.db, now });
    expect(fromRow?.history.map((s) => [s.step, s.actor, s.text])).toEqual([
      ["opened", "Keyledger", "Due by the rotation policy, counted from its last rotation"],
      ["skipped", "Olga Operator", "Being replaced by workload identity"],
    ]);
  });
});
