import "server-only";
// How many events the access log's filter holds: exact while that is cheap, else the planner's
// estimate, marked as one ("about N"), so a filter over a hundred million rows never waits on count(*).
import { sql } from "drizzle-orm";
import { accessEvents } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { accessEventWhere } from "@/lib/data/access-events/access-event-where";
import { getDb, type Queryable } from "@/lib/data/db";
import type { AccessEventFilters } from "@/lib/validation/access-events";

export type AccessEventCount = { count: number; estimated: boolean };

/** Counted exactly when the planner expects at most `exactUpTo` rows (counting that many takes well under a second). */
export async function countAccessEvents({ actor, filters, db = getDb(), exactUpTo = 1_000_000 }: { actor: Actor; filters: AccessEventFilters; db?: Queryable; exactUpTo?: number }): Promise<AccessEventCount> {
  const where = accessEventWhere(actor, filters);
  const plan = await db.execute<{ "QUERY PLAN": [{ Plan: { "Plan Rows": number } }] }>(sql`explain (format json) select 1 from ${accessEvents} where ${where}`);
  const estimate = Math.round(plan.rows[0]?.["QUERY PLAN"][0].Plan["Plan Rows"] ?? 0);
  if (estimate > exactUpTo) return { count: estimate, estimated: true };
  const counted = await db.execute<{ count: number }>(sql`select count(*)::int as count from ${accessEvents} where ${where}`);
  return { count: counted.rows[0]?.count ?? 0, estimated: false };
}
