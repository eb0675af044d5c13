import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { calendarFeeds } from "@/db/schema-rotation";
import type { Actor } from "@/lib/auth/actor";
import { getDb, type Queryable } from "@/lib/data/db";
import { manageableFeeds } from "@/lib/data/calendar-feeds/feed-scope";
import { notFound } from "@/lib/errors";

/** Stops a feed at once: the next fetch of its URL answers 404. */
export async function revokeCalendarFeed({ actor, id, db = getDb() }: { actor: Actor; id: string; db?: Queryable }) {
  const [row] = await db
    .update(calendarFeeds)
    .set({ revokedAt: new Date() })
    .where(and(eq(calendarFeeds.id, id), isNull(calendarFeeds.revokedAt), manageableFeeds(actor)))
    .returning({ id: calendarFeeds.id, scope: calendarFeeds.scope, personId: calendarFeeds.personId, team: calendarFeeds.team, prefix: calendarFeeds.prefix });
  if (!row) throw notFound("Active calendar feed");
  return row;
}
