import "server-only";
// Events and failures per day (UTC) for the access log's filter: the daily failures chart.
import { sql } from "drizzle-orm";
import { accessEvents } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { accessEventWhere } from "@/lib/data/access-events/access-event-where";
import { getDb, type Queryable } from "@/lib/data/db";
import { windowStart } from "@/lib/domain/day-window";
import type { AccessEventFilters } from "@/lib/validation/access-events";

export type DailyAccess = { day: string; events: number; failures: number };

/** Without a time range, the last 90 days (from the UTC day 90 days ago, as a `from` filter says it). */
export async function countDailyAccess({ actor, filters, db = getDb() }: { actor: Actor; filters: AccessEventFilters; db?: Queryable }): Promise<DailyAccess[]> {
  const ranged = filters.from || filters.to ? filters : { ...filters, from: windowStart(90) };
  const day = sql<string>`to_char(date_trunc('day', ${accessEvents.occurredAt} at time zone 'UTC'), 'YYYY-MM-DD')`;
  return db
    .select({
      day,
      events: sql<number>`count(*)::int`,
      failures: sql<number>`count(*) filter (where ${accessEvents.result} = 'failure')::int`,
    })
    .from(accessEvents)
    .where(accessEventWhere(actor, ranged))
    .groupBy(day)
    .orderBy(day);
}
