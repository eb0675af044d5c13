import "server-only";
// The signed-in person's own reminder channels: on unless they turned one off.
import { eq } from "drizzle-orm";
import { reminderUnsubscribes } from "@/db/schema-rotation";
import type { Actor } from "@/lib/auth/actor";
import { getDb, type Queryable } from "@/lib/data/db";
import type { ReminderPreferences } from "@/lib/domain/reminders/preferences";

export async function getReminderPreferences({ actor, db = getDb() }: { actor: Actor; db?: Queryable }): Promise<ReminderPreferences> {
  const off = await db.select({ channel: reminderUnsubscribes.channel }).from(reminderUnsubscribes).where(eq(reminderUnsubscribes.personId, actor.id));
  const isOff = (channel: string) => off.some((r) => r.channel === channel);
  return { email: !isOff("email"), slack: !isOff("slack") };
}
