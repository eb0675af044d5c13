// The task lists and the counts above them on a real database: risk order by default (tier,
// environment, days overdue) in keyset pages, the old due-date order on request; the approver=me
// filter; and the drill-down contract — overdue, due in 14 days and gaps are counted by the summary
// with the same rules the list filters by, and each says whose (the company's, of them the actor's).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import type { Person, Secret } from "@/db/schema";
import { rotationTasks } from "@/db/schema-rotation";
import { assignRole, createPerson, createSecret, createSource } from "@/db/seed/factories";
import { getRotationSummary } from "@/lib/data/rotation/get-rotation-summary";
import { listRotationTasks } from "@/lib/data/rotation/list-rotation-tasks";
import { listRotationTasksQuery } from "@/lib/validation/rotation";
import { actorOf } from "@/test/actors";
import { failure } from "@/test/app-errors";
import { createTestDatabase } from "@/test/database";

const DAY = 86_400_000;
const now = new Date();
const daysAgo = (n: number) => new Date(now.getTime() - n * DAY);

let database: Database;
let admin: Person, owner: Person, approver: Person;
const ids: Record<string, string> = {};

async function taskOn(key: string, secret: Partial<Secret>, task: Partial<typeof rotationTasks.$inferInsert> & { dueAt: Date }, assignee: Person | null = owner) {
  const source = await createSource(database.db);
  const made = await createSecret(database.db, { sourceId: source.id, name: key, lifetime: "static", ...secret });
  if (assignee) await assignRole(database.db, { secretId: made.id, role: "operator", personId: assignee.id });
  const [row] = await database.db
    .insert(rotationTasks)
    .values({ secretId: made.id, assigneeId: assignee?.id ?? null, assigneeRole: assignee ? "operator" : null, graceUntil: new Date(task.dueAt.getTime() + 7 * DAY), ...task })
    .returning({ id: rotationTasks.id });
  ids[key] = row!.id;
  return made;
}
const list = (q: Record<string, string>, person: Person = admin) => listRotationTasks({ actor: actorOf(person), query: listRotationTasksQuery.parse({ limit: "500", ...q }), db: database.db, now });
const names = async (q: Record<string, string>, person?: Person) => (await list(q, person)).items.map((t) => t.secret.name);

beforeAll(async () => {
  database = await createTestDatabase();
  [admin, owner, approver] = await Promise.all([createPerson(database.db, { role: "admin" }), createPerson(database.db, { role: "owner" }), createPerson(database.db, { role: "owner" })]);
  await taskOn("dev-400", { tier: 3, environment: "dev" }, { dueAt: daysAgo(400) });
  const payments = await taskOn("prod-t1-300", { tier: 1, environment: "prod" }, { dueAt: daysAgo(300) });
  await assignRole(database.db, { secretId: payments.id, role: "approver", personId: approver.id });
  await taskOn("staging-t1-500", { tier: 1, environment: "staging" }, { dueAt: daysAgo(500) });
  await taskOn("prod-t1-10", { tier: 1, environment: "prod" }, { dueAt: daysAgo(10), status: "acknowledged" });
  await taskOn("unknown-900", { tier: null, environment: null }, { dueAt: daysAgo(900) });
  await taskOn("prod-t2-soon", { tier: 2, environment: "prod" }, { dueAt: daysAgo(-5) });
  await taskOn("gap-soon", { tier: 4, environment: "dev" }, { dueAt: daysAgo(-13) }, null);
  await taskOn("later-20", { tier: 1, environment: "prod" }, { dueAt: daysAgo(-20) });
  await taskOn("done-late", { tier: 1, environment: "prod" }, { dueAt: daysAgo(30), status: "done", completedAt: daysAgo(1) });
  await taskOn("skipped-late", { tier: 1, environment: "prod" }, { dueAt: daysAgo(40), status: "skipped", skippedReason: "retired the key" }, approver);
});
afterAll(() => database.close());

describe("task lists sort by risk", () => {
  it("puts a tier-1 production key 300 days overdue before a dev key 400 days overdue, unknowns after the known", async () => {
    expect(await names({ overdue: "true" })).toEqual(["prod-t1-300", "prod-t1-10", "staging-t1-500", "dev-400", "unknown-900"]);
  });

  it("pages in that order with keyset cursors, and on request by due date alone", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await list({ limit: "3", status: "open,acknowledged,awaiting_approval", ...(cursor ? { cursor } : {}) });
      expect(page.total).toBe(8);
      seen.push(...page.items.map((t) => t.secret.name));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(["prod-t1-300", "prod-t1-10", "later-20", "staging-t1-500", "prod-t2-soon", "dev-400", "gap-soon", "unknown-900"]);
    expect(await names({ overdue: "true", sort: "due" })).toEqual(["unknown-900", "staging-t1-500", "dev-400", "prod-t1-300", "prod-t1-10"]);
  });

  it("refuses a cursor of the other order with a 422 naming query.cursor", async () => {
    const due = await list({ limit: "1", sort: "due" });
    expect(await failure(list({ limit: "1", cursor: due.nextCursor! }))).toMatchObject({ status: 422, fields: [{ field: "query.cursor" }] });
    const risk = await list({ limit: "1" });
    expect(await failure(list({ limit: "1", sort: "due", cursor: risk.nextCursor! }))).toMatchObject({ status: 422 });
  });
});

describe("approver = me", () => {
  it("lists the tasks on secrets the actor approves, whoever they are assigned to", async () => {
    expect(await names({ approver: "me" }, approver)).toEqual(["prod-t1-300"]);
    expect(await names({ approver: approver.id })).toEqual(["prod-t1-300"]);
    expect(await names({ approver: "me" }, owner)).toEqual([]);
  });
});

describe("the summary's counts and the rows they link to", () => {
  it("overdue, due in 14 days and gaps are exactly the rows of overdue=true, due=14 and gap=true — never done or skipped", async () => {
    const summary = await getRotationSummary({ actor: actorOf(admin), db: database.db, now });
    const overdue = await list({ overdue: "true" });
    expect(overdue.items.every((t) => t.overdue && t.status !== "done" && t.status !== "skipped")).toBe(true);
    expect(summary).toMatchObject({ scope: "company", overdue: overdue.total, dueIn14Days: (await list({ due: "14" })).total, gaps: (await list({ gap: "true" })).total });
    expect(summary).toMatchObject({ overdue: 5, dueIn14Days: 2, gaps: 1, open: 8 });
    expect(await names({ due: "14" })).toEqual(["prod-t2-soon", "gap-soon"]);
  });

  it("says whose: an owner's counts are on the secrets they hold a role on, and of them, theirs", async () => {
    const mine = await getRotationSummary({ actor: actorOf(owner), db: database.db, now });
    expect(mine).toMatchObject({ scope: "held", overdue: 5, mine: { overdue: 5, dueIn14Days: 1, open: 7 } });
    expect(mine.mine.overdue).toBe((await list({ overdue: "true", assignee: "me" }, owner)).total);
    expect(mine.mine.dueIn14Days).toBe((await list({ due: "14", assignee: "me" }, owner)).total);
    const theApprover = await getRotationSummary({ actor: actorOf(approver), db: database.db, now });
    expect(theApprover).toMatchObject({ scope: "held", overdue: 1, mine: { overdue: 0, open: 0 } });
  });

  it("refuses a due window that is not a whole number of days", async () => {
    expect(listRotationTasksQuery.safeParse({ due: "soon" }).success).toBe(false);
    expect(listRotationTasksQuery.safeParse({ due: "0" }).success).toBe(false);
  });
});
