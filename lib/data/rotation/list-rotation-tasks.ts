import "server-only";
// The calendar's and "My tasks"' list: tasks the actor may see (owners: those on secrets they hold
// a role on), filtered, sorted by due date then id, keyset-paginated (never OFFSET).
import { and, asc, eq, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import { roleAssignments, secrets } from "@/db/schema";
import { rotationTasks } from "@/db/schema-rotation";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getDb, type Queryable } from "@/lib/data/db";
import { selectRotationTasks, toRotationTask, type RotationTask } from "@/lib/data/rotation/rotation-task-json";
import { secretScope } from "@/lib/data/scope";
import { decodeCursor, encodeCursor } from "@/lib/domain/cursor";
import { ACTIVE_STATUSES } from "@/lib/domain/rotation/schedule";
import { AppError } from "@/lib/errors";
import type { ListRotationTasksQuery } from "@/lib/validation/rotation";

export type RotationTaskPage = { items: RotationTask[]; nextCursor: string | null };

/** The `where` for a task list: the actor's scope and the query's filters. */
function rotationTaskWhere(actor: Actor, query: Omit<ListRotationTasksQuery, "cursor" | "limit">, now: Date): SQL {
  if (!can(actor.role, "rotation:read")) throw new AppError("forbidden", `Your role (${actor.role}) cannot see the rotation calendar`);
  const parts: (SQL | undefined)[] = [secretScope(actor)];
  if (query.from) parts.push(sql`${rotationTasks.dueAt} >= ${query.from}`);
  if (query.to) parts.push(sql`${rotationTasks.dueAt} < ${query.to}`);
  if (query.assignee) parts.push(eq(rotationTasks.assigneeId, query.assignee === "me" ? actor.id : query.assignee));
  if (query.person) {
    parts.push(
      or(
        eq(rotationTasks.assigneeId, query.person),
        sql`exists (select 1 from ${roleAssignments} ra where ra.secret_id = ${secrets.id} and ra.person_id = ${query.person})`,
      ),
    );
  }
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
  if (query.overdue) {
    const overdue = and(sql`${rotationTasks.dueAt} < ${now}`, inArray(rotationTasks.status, [...ACTIVE_STATUSES]));
    parts.push(query.overdue === "true" ? overdue : sql`not (${overdue})`);
  }
  return and(...parts) as SQL;
}

export async function listRotationTasks({ actor, query, db = getDb(), now = new Date() }: { actor: Actor; query: ListRotationTasksQuery; db?: Queryable; now?: Date }): Promise<RotationTaskPage> {
  const after = query.cursor ? decodeCursor(query.cursor, "uuid", "timestamptz") : undefined;
  const keyset = after ? sql`(${rotationTasks.dueAt}, ${rotationTasks.id}) > (${after.key}::timestamptz, ${after.id}::uuid)` : undefined;
  const rows = await selectRotationTasks(db, and(rotationTaskWhere(actor, query, now), keyset))
    .orderBy(asc(rotationTasks.dueAt), asc(rotationTasks.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1)?.task;
  return {
    items: page.map((row) => toRotationTask(row, now)),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ key: last.dueAt.toISOString(), id: last.id }) : null,
  };
}
