import "server-only";
import { and, eq, gt, isNull, or } from "drizzle-orm";
import { calendarFeeds } from "@/db/schema-rotation";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getDb, type Queryable } from "@/lib/data/db";
import type { CalendarFeedView } from "@/lib/data/calendar-feeds/calendar-feed-view";
import { manageableFeeds } from "@/lib/data/calendar-feeds/feed-scope";
import { selectCalendarFeedViews } from "@/lib/data/calendar-feeds/get-calendar-feed-view";
import { AppError } from "@/lib/errors";

const RECENTLY_REVOKED_DAYS = 30;

/**
 * A person's feeds — their person feed and the team feeds they made — active first, then those
 * revoked in the last 30 days. Without personId: the actor's own; admins may name anyone.
 */
export async function listCalendarFeeds({ actor, personId = actor.id, now = new Date(), db = getDb() }: { actor: Actor; personId?: string; now?: Date; db?: Queryable }): Promise<CalendarFeedView[]> {
  if (personId !== actor.id && !can(actor.role, "rotation:manage")) throw new AppError("forbidden", "You may list only your own calendar feeds");
  const since = new Date(now.getTime() - RECENTLY_REVOKED_DAYS * 86_400_000);
  return selectCalendarFeedViews({
    db,
    where: and(
      manageableFeeds(actor),
      or(and(eq(calendarFeeds.scope, "person"), eq(calendarFeeds.personId, personId)), and(eq(calendarFeeds.scope, "team"), eq(calendarFeeds.createdBy, personId))),
      or(isNull(calendarFeeds.revokedAt), gt(calendarFeeds.revokedAt, since)),
    )!,
  });
}
