import "server-only";
import { and, eq } from "drizzle-orm";
import { calendarFeeds } from "@/db/schema-rotation";
import { getDb, type Queryable } from "@/lib/data/db";
import type { AppRole } from "@/lib/domain/roles";
import { feedCreator, feedPerson, liveFeed } from "@/lib/data/calendar-feeds/feed-scope";
import { feedTokenHash } from "@/lib/auth/feed-token";

export type LiveCalendarFeed = {
  id: string;
  scope: "person" | "team";
  personId: string | null;
  personName: string | null;
  team: string | null;
  createdAt: Date;
  /** Who made it, with their role now: a team feed shows only what its creator may see. */
  creator: { id: string; role: AppRole } | null;
};

/**
 * The live feed a URL token belongs to, or null — the same null for an unknown, malformed or
 * revoked token, so a probe learns nothing. Looked up by the token's SHA-256 (indexed).
 */
export async function findCalendarFeedByToken({ token, db = getDb() }: { token: string; db?: Queryable }): Promise<LiveCalendarFeed | null> {
  const hash = feedTokenHash(token);
  if (!hash) return null;
  const [row] = await db
    .select({ id: calendarFeeds.id, scope: calendarFeeds.scope, personId: calendarFeeds.personId, personName: feedPerson.name, team: calendarFeeds.team, createdAt: calendarFeeds.createdAt, creatorId: feedCreator.id, creatorRole: feedCreator.role })
    .from(calendarFeeds)
    .leftJoin(feedPerson, eq(feedPerson.id, calendarFeeds.personId))
    .leftJoin(feedCreator, eq(feedCreator.id, calendarFeeds.createdBy))
    .where(and(eq(calendarFeeds.tokenHash, hash), liveFeed()))
    .limit(1);
  if (!row) return null;
  const { creatorId, creatorRole, ...feed } = row;
  return { ...feed, scope: feed.scope === "team" ? "team" : "person", creator: creatorId && creatorRole ? { id: creatorId, role: creatorRole } : null };
}
