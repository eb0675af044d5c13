import "server-only";
// Whose reminders an unsubscribe link is about, and whether that channel is off now. The token is
// the authorization: a link that does not verify names nobody (null).
import { and, eq } from "drizzle-orm";
import { people } from "@/db/schema";
import { reminderUnsubscribes } from "@/db/schema-rotation";
import { getDb, type Queryable } from "@/lib/data/db";
import type { ReminderChannel } from "@/lib/domain/reminders/types";
import { verifyUnsubscribeToken } from "@/lib/domain/reminders/unsubscribe-token";

export type UnsubscribeTarget = { person: { id: string; name: string; email: string }; channel: ReminderChannel; unsubscribed: boolean };

export async function findUnsubscribeTarget({ token, secret, db = getDb() }: { token: string | null | undefined; secret: string; db?: Queryable }): Promise<UnsubscribeTarget | null> {
  const claim = verifyUnsubscribeToken(secret, token);
  if (!claim) return null;
  const [row] = await db
    .select({ id: people.id, name: people.name, email: people.email, off: reminderUnsubscribes.channel })
    .from(people)
    .leftJoin(reminderUnsubscribes, and(eq(reminderUnsubscribes.personId, people.id), eq(reminderUnsubscribes.channel, claim.channel)))
    .where(eq(people.id, claim.personId))
    .limit(1);
  return row ? { person: { id: row.id, name: row.name, email: row.email }, channel: claim.channel, unsubscribed: row.off !== null } : null;
}
