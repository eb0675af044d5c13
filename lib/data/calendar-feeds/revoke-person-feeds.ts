import "server-only";
import { calendarFeeds } from "@/db/schema-rotation";
import { getDb, type Queryable } from "@/lib/data/db";
import { feedsHeldBy } from "@/lib/data/calendar-feeds/feed-scope";

/**
 * Offboarding: revokes every feed whose URL the person could hold — their own person feed and every
 * feed they made (team feeds, and person feeds an admin made for someone else). Returns the ids.
 * No actor check: the offboarding flow calls it after its own authorization, in its transaction.
 */
export async function revokePersonFeeds({ personId, db = getDb() }: { personId: string; db?: Queryable }): Promise<{ revokedIds: string[] }> {
  const rows = await db
    .update(calendarFeeds)
    .set({ revokedAt: new Date() })
    .where(feedsHeldBy(personId))
    .returning({ id: calendarFeeds.id });
  return { revokedIds: rows.map((r) => r.id) };
}
