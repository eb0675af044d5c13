import "server-only";
import { and, isNotNull, lt, or } from "drizzle-orm";
import { authSessions } from "@/db/schema-auth";
import { getDb, type Queryable } from "@/lib/data/db";

const KEEP_ENDED_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * A new signed-in browser: its id goes into the session cookie, and only an open, unexpired row
 * makes that cookie worth anything (getActiveActor). Rows ended or expired a month ago are pruned.
 */
export async function createAuthSession(args: { personId: string; provider: string; maxAgeSeconds: number; db?: Queryable; now?: Date }): Promise<string> {
  const { personId, provider, maxAgeSeconds, db = getDb(), now = new Date() } = args;
  const [row] = await db
    .insert(authSessions)
    .values({ personId, provider, createdAt: now, expiresAt: new Date(now.getTime() + maxAgeSeconds * 1000) })
    .returning({ id: authSessions.id });
  const longAgo = new Date(now.getTime() - KEEP_ENDED_MS);
  await db.delete(authSessions).where(or(lt(authSessions.expiresAt, longAgo), and(isNotNull(authSessions.endedAt), lt(authSessions.endedAt, longAgo))));
  return row!.id;
}
