import "server-only";
import { and, eq, gt, isNull } from "drizzle-orm";
import { people } from "@/db/schema";
import { authSessions } from "@/db/schema-auth";
import type { Actor } from "@/lib/auth/actor";
import { getDb, type Queryable } from "@/lib/data/db";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The actor behind a session cookie: only while its session row is open (not signed out, not
 * offboarded) and unexpired, and only an active person is one — whatever the cookie itself says.
 */
export async function getActiveActor(args: { personId: string; sessionId: string; db?: Queryable; now?: Date }): Promise<Actor | null> {
  const { personId, sessionId, db = getDb(), now = new Date() } = args;
  if (!UUID.test(personId) || !UUID.test(sessionId)) return null;
  const [person] = await db
    .select({ id: people.id, email: people.email, name: people.name, role: people.role })
    .from(authSessions)
    .innerJoin(people, eq(people.id, authSessions.personId))
    .where(
      and(
        eq(authSessions.id, sessionId),
        eq(authSessions.personId, personId),
        isNull(authSessions.endedAt),
        gt(authSessions.expiresAt, now),
        eq(people.status, "active"),
      ),
    )
    .limit(1);
  return person ?? null;
}
