import "server-only";
// Turns one reminder channel on or off for a person: a reminder_unsubscribes row means off.
import { and, eq } from "drizzle-orm";
import { reminderUnsubscribes } from "@/db/schema-rotation";
import { getDb, type Queryable } from "@/lib/data/db";
import type { ReminderChannel } from "@/lib/domain/reminders/types";

export async function setReminderChannel({ personId, channel, on, db = getDb() }: { personId: string; channel: ReminderChannel; on: boolean; db?: Queryable }): Promise<void> {
  if (on) await db.delete(reminderUnsubscribes).where(and(eq(reminderUnsubscribes.personId, personId), eq(reminderUnsubscribes.channel, channel)));
  else await db.insert(reminderUnsubscribes).values({ personId, channel }).onConflictDoNothing();
}
