import "server-only";
import { desc, eq, sql, type SQL } from "drizzle-orm";
import { calendarFeeds } from "@/db/schema-rotation";
import type { Queryable } from "@/lib/data/db";
import type { CalendarFeedView } from "@/lib/data/calendar-feeds/calendar-feed-view";
import { feedCreator, feedPerson } from "@/lib/data/calendar-feeds/feed-scope";

/** Feeds as the API shows them, filtered by `where`. */
export async function selectCalendarFeedViews({ where, db }: { where: SQL; db: Queryable }): Promise<CalendarFeedView[]> {
  const rows = await db
    .select({
      id: calendarFeeds.id,
      scope: calendarFeeds.scope,
      personId: calendarFeeds.personId,
      personName: feedPerson.name,
      team: calendarFeeds.team,
      prefix: calendarFeeds.prefix,
      createdAt: calendarFeeds.createdAt,
      createdByName: feedCreator.name,
      lastFetchedAt: calendarFeeds.lastFetchedAt,
      revokedAt: calendarFeeds.revokedAt,
    })
    .from(calendarFeeds)
    .leftJoin(feedPerson, eq(feedPerson.id, calendarFeeds.personId))
    .leftJoin(feedCreator, eq(feedCreator.id, calendarFeeds.createdBy))
    .where(where)
    .orderBy(sql`${calendarFeeds.revokedAt} desc nulls first`, desc(calendarFeeds.createdAt));
  return rows.map((row) => ({ ...row, scope: row.scope === "team" ? "team" : "person" }));
}
