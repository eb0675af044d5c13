import "server-only";
// The calendar's, the list's and "My tasks"' tasks: those the actor may see (owners: those on
// secrets they hold a role on), filtered, by risk (or due date: task-order.ts), keyset-paginated
// (never OFFSET), with the exact count of all the rows the filters match. Overdue, due soon, gap,
// done in a quarter and acked are the summary's own rules (task-windows.ts), so a count and its rows agree.
import { and, eq, inArray, isNull, not, or, sql, type SQL } from "drizzle-orm";
import { secrets } from "@/db/schema";
import { rotationTasks } from "@/db/schema-rotation";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getDb, type Queryable } from "@/lib/data/db";
import { selectRotationTasks, toRotationTask, type RotationTask } from "@/lib/data/rotation/rotation-task-json";
import { taskAfter, taskCursor, taskOrderBy, type TaskSort } from "@/lib/data/rotation/task-order";
import { ackAnsweredTask, ackedWithin2DaysTask, doneInQuarterTask, dueWithinTask, gapTask, overdueTask } from "@/lib/data/rotation/task-windows";
import { holdsRole, secretScope } from "@/lib/data/scope";
import { AppError } from "@/lib/errors";
import type { ListRotationTasksQuery } from "@/lib/validation/rotation";

export type RotationTaskPage = { items: RotationTask[]; nextCursor: string | null; total: number };
type Filters = Omit<ListRotationTasksQuery, "cursor" | "limit" | "sort">;

const yesNo = (value: "true" | "false", rule: SQL) => (value === "true" ? rule : not(rule));

/** The `where` for a task list: the actor's scope and the query's filters. */
function rotationTaskWhere(actor: Actor, query: Filters, now: Date): SQL {
  if (!can(actor.role, "rotation:read")) throw new AppError("forbidden", `Your role (${actor.role}) cannot see the rotation calendar`);
  const me = (id: string) => (id === "me" ? actor.id : id);
  const parts: (SQL | undefined)[] = [secretScope(actor)];
  if (query.from) parts.push(sql`${rotationTasks.dueAt} >= ${query.from}`);
  if (query.to) parts.push(sql`${rotationTasks.dueAt} < ${query.to}`);
  if (query.assignee) parts.push(eq(rotationTasks.assigneeId, me(query.assignee)));
  if (query.approver) parts.push(holdsRole({ personId: me(query.approver), role: "approver" }));
  if (query.person) parts.push(or(eq(rotationTasks.assigneeId, query.person), holdsRole({ personId: query.person })));
  if (query.secret) parts.push(eq(rotationTasks.secretId, query.secret));
  if (query.kind) parts.push(eq(rotationTasks.kind, query.kind));
  if (query.status?.length) parts.push(inArray(rotationTasks.status, query.status));
  if (query.tier?.length) {
    const tiers = query.tier.filter((t) => t !== "unknown").map(Number);
    parts.push(or(tiers.length ? inArray(secrets.tier, tiers) : undefined, query.tier.includes("unknown") ? isNull(secrets.tier) : undefined));
  }
  if (query.environment?.length) {
    const envs = query.environment.filter((e) => e !== "unknown") as ("prod" | "staging" | "dev")[];
    parts.push(or(envs.length ? inArray(secrets.environment, envs) : undefined, query.environment.includes("unknown") ? isNull(secrets.environment) : undefined));
  }
  if (query.overdue) parts.push(yesNo(query.overdue, overdueTask(now)));
  if (query.due) parts.push(dueWithinTask(now, query.due));
  if (query.gap) parts.push(yesNo(query.gap, gapTask()));
  if (query.done) parts.push(doneInQuarterTask(query.done));
  if (query.acked) parts.push(ackAnsweredTask(now, query.acked));
  if (query.ackedWithin2Days) parts.push(yesNo(query.ackedWithin2Days, ackedWithin2DaysTask()));
  return and(...parts) as SQL;
}

type Query = Omit<ListRotationTasksQuery, "sort"> & { sort?: TaskSort };

export async function listRotationTasks({ actor, query, db = getDb(), now = new Date() }: { actor: Actor; query: Query; db?: Queryable; now?: Date }): Promise<RotationTaskPage> {
  const where = rotationTaskWhere(actor, query, now);
  const sort = query.sort ?? "risk";
  const rows = await selectRotationTasks(db, and(where, query.cursor ? taskAfter(sort, query.cursor) : undefined))
    .orderBy(...taskOrderBy(sort))
    .limit(query.limit + 1);
  const [counted] = await db.select({ total: sql<number>`count(*)::int` }).from(rotationTasks).innerJoin(secrets, eq(secrets.id, rotationTasks.secretId)).where(where);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => toRotationTask(row, now)),
    nextCursor: rows.length > query.limit && last ? taskCursor(sort, { id: last.task.id, dueAt: last.task.dueAt, tier: last.secret.tier, environment: last.secret.environment }) : null,
    total: counted?.total ?? 0,
  };
}
