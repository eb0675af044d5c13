import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { authSessions } from "@/db/schema-auth";
import { getDb, type Queryable } from "@/lib/data/db";

export type SessionEndReason = "sign_out" | "offboarded";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Sign-out: the session's row is ended, so a copy of its cookie no longer signs anyone in. */
export async function endAuthSession(args: { sessionId: string; reason: SessionEndReason; db?: Queryable; now?: Date }): Promise<boolean> {
  const { sessionId, reason, db = getDb(), now = new Date() } = args;
  if (!UUID.test(sessionId)) return false;
  const ended = await db
    .update(authSessions)
    .set({ endedAt: now, endedReason: reason })
    .where(and(eq(authSessions.id, sessionId), isNull(authSessions.endedAt)))
    .returning({ id: authSessions.id });
  return ended.length > 0;
}

/** Every open session of one person (offboarding): all their browsers are signed out at once. */
export async function endPersonSessions(args: { personId: string; reason: SessionEndReason; db?: Queryable; now?: Date }): Promise<number> {
  const { personId, reason, db = getDb(), now = new Date() } = args;
  const ended = await db
    .update(authSessions)
    .set({ endedAt: now, endedReason: reason })
    .where(and(eq(authSessions.personId, personId), isNull(authSessions.endedAt)))
    .returning({ id: authSessions.id });
  return ended.length;
}
