import "server-only";
// What GET /api/v1/calendar/<token>.ics serves: the feed's iCalendar text with the validators a
// calendar client revalidates with. Records the fetch on the feed (its "last fetched").
import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { calendarFeeds } from "@/db/schema-rotation";
import { getDb, type Queryable } from "@/lib/data/db";
import { findCalendarFeedByToken, type LiveCalendarFeed } from "@/lib/data/calendar-feeds/find-calendar-feed-by-token";
import { lastFeedDropout, listFeedTasks } from "@/lib/data/calendar-feeds/list-feed-tasks";
import { buildRotationFeed } from "@/lib/domain/ics/rotation-feed";

export type CalendarDocument = { body: string; etag: string; lastModified: Date };

export async function getCalendarDocument({ token, baseUrl, now = new Date(), db = getDb() }: { token: string; baseUrl: string; now?: Date; db?: Queryable }): Promise<CalendarDocument | null> {
  const feed = await findCalendarFeedByToken({ token, db });
  if (!feed) return null;
  const [tasks, dropout] = await Promise.all([listFeedTasks({ feed, now, db }), lastFeedDropout({ feed, now, db })]);
  await db.update(calendarFeeds).set({ lastFetchedAt: now }).where(eq(calendarFeeds.id, feed.id));
  const { body, lastModified } = buildRotationFeed({ ...naming(feed), tasks, baseUrl, now, showAssignee: feed.scope === "team" });
  const newest = Math.max(feed.createdAt.getTime(), lastModified?.getTime() ?? 0, dropout?.getTime() ?? 0);
  return {
    body,
    etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`,
    // HTTP dates have whole seconds. The ETag is exact; Last-Modified is for clients that only send If-Modified-Since.
    lastModified: new Date(Math.floor(newest / 1000) * 1000),
  };
}

function naming(feed: LiveCalendarFeed) {
  if (feed.scope === "team") {
    return {
      calendarName: `Keyledger · ${feed.team} rotations`,
      calendarDescription: `Secret rotations assigned to the ${feed.team} team in Keyledger. Keep this URL private: it is the key to this calendar.`,
    };
  }
  return {
    calendarName: `Keyledger · ${feed.personName}'s rotations`,
    calendarDescription: `Secret rotations assigned to ${feed.personName} in Keyledger. Keep this URL private: it is the key to this calendar.`,
  };
}
