// A person's reminder channels, as the preferences API reads and writes them.
import { z } from "zod";

export const reminderPreferencesSchema = z.object({ email: z.boolean(), slack: z.boolean() }).strict();
export type ReminderPreferences = z.infer<typeof reminderPreferencesSchema>;

/** What GET answers: the person's choice, and whether this server has each channel set up at all. */
export type ReminderPreferencesView = ReminderPreferences & { address: string; configured: ReminderPreferences };
