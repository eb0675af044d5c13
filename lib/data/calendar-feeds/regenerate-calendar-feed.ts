import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { calendarFeeds } from "@/db/schema-rotation";
import type { Actor } from "@/lib/auth/actor";
import { getDb, type Queryable } from "@/lib/data/db";
import type { IssuedCalendarFeed } from "@/lib/data/calendar-feeds/calendar-feed-view";
import { issueCalendarFeed } from "@/lib/data/calendar-feeds/create-calendar-feed";
import { manageableFeeds } from "@/lib/data/calendar-feeds/feed-scope";
import { notFound } from "@/lib/errors";

/**
 * A new URL for the same calendar: the old token stops working in the same transaction, and the
 * new feed is made by the actor (who is the one holding its URL).
 */
export async function regenerateCalendarFeed({ actor, id, baseUrl, db = getDb() }: { actor: Actor; id: string; baseUrl: string; db?: Queryable }): Promise<IssuedCalendarFeed & { revokedId: string }> {
  return db.transaction(async (tx) => {
    const [old] = await tx
      .update(calendarFeeds)
      .set({ revokedAt: new Date() })
      .where(and(eq(calendarFeeds.id, id), isNull(calendarFeeds.revokedAt), manageableFeeds(actor)))
      .returning({ id: calendarFeeds.id, scope: calendarFeeds.scope, personId: calendarFeeds.personId, team: calendarFeeds.team });
    if (!old) throw notFound("Active calendar feed");
    const target = old.scope === "team" ? { scope: "team" as const, personId: null, team: old.team! } : { scope: "person" as const, personId: old.personId!, team: null };
    return { ...(await issueCalendarFeed({ actor, target, baseUrl, db: tx })), revokedId: old.id };
  });
}
