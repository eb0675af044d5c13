import "server-only";
// The orders a task list comes in, each with its keyset. `risk` (the default): tier (1 first),
// environment (production, staging, development), then the due date — the most overdue first, then
// the soonest due; an unknown tier or environment after the known ones, as in the reminder digests.
// `due`: by due date alone. Both end on the id, so the order is total and a page never repeats a row.
import { asc, sql, type SQL } from "drizzle-orm";
import { secrets } from "@/db/schema";
import { rotationTasks } from "@/db/schema-rotation";
import { decodeCursor, encodeCursor } from "@/lib/domain/cursor";
import { AppError } from "@/lib/errors";

export type TaskSort = "risk" | "due";
type Last = { id: string; dueAt: Date; tier: number | null; environment: string | null };

const ENV_RANK: Record<string, number> = { prod: 0, staging: 1, dev: 2 };
const tierRank = sql<number>`coalesce(${secrets.tier}, 5)`;
const envRank = sql<number>`(case ${secrets.environment} when 'prod' then 0 when 'staging' then 1 when 'dev' then 2 else 3 end)`;
const RISK_KEY = /^([1-5]):([0-3]):(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)$/;

export function taskOrderBy(sort: TaskSort): SQL[] {
  return sort === "risk" ? [asc(tierRank), asc(envRank), asc(rotationTasks.dueAt), asc(rotationTasks.id)] : [asc(rotationTasks.dueAt), asc(rotationTasks.id)];
}

export function taskCursor(sort: TaskSort, last: Last): string {
  const due = last.dueAt.toISOString();
  const key = sort === "risk" ? `${last.tier ?? 5}:${ENV_RANK[last.environment ?? ""] ?? 3}:${due}` : due;
  return encodeCursor({ key, id: last.id });
}

/** The `where` for the rows after a cursor this order gave; a cursor of another order is a 422. */
export function taskAfter(sort: TaskSort, cursor: string): SQL {
  if (sort === "due") {
    const after = decodeCursor(cursor, "uuid", "timestamptz");
    return sql`(${rotationTasks.dueAt}, ${rotationTasks.id}) > (${after.key}::timestamptz, ${after.id}::uuid)`;
  }
  const after = decodeCursor(cursor, "uuid", "text");
  const match = RISK_KEY.exec(after.key);
  if (!match || Number.isNaN(Date.parse(match[3]!))) throw new AppError("invalid_input", "Invalid query", [{ field: "query.cursor", message: "is not a cursor this API returned for this sort" }]);
  return sql`(${tierRank}, ${envRank}, ${rotationTasks.dueAt}, ${rotationTasks.id}) > (${Number(match[1])}::int, ${Number(match[2])}::int, ${match[3]}::timestamptz, ${after.id}::uuid)`;
}
