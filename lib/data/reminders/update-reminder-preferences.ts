import "server-only";
// Sets the signed-in person's own reminder channels. Only ever the actor's own: there is no person
// id to pass, so nobody can change someone else's.
import type { Actor } from "@/lib/auth/actor";
import { getDb, type Queryable } from "@/lib/data/db";
import { getReminderPreferences } from "@/lib/data/reminders/get-reminder-preferences";
import { setReminderChannel } from "@/lib/data/reminders/set-reminder-channel";
import type { ReminderPreferences } from "@/lib/domain/reminders/preferences";
import { REMINDER_CHANNELS } from "@/lib/domain/reminders/types";

export async function updateReminderPreferences({ actor, preferences, db = getDb() }: { actor: Actor; preferences: ReminderPreferences; db?: Queryable }): Promise<ReminderPreferences> {
  for (const channel of REMINDER_CHANNELS) await setReminderChannel({ db, personId: actor.id, channel, on: preferences[channel] });
  return getReminderPreferences({ actor, db });
}
