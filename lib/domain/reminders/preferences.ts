// A person's reminder channels, as the preferences API reads and writes them.
import { z } from "zod";

export const reminderPreferencesSchema = z.object({ email: z.boolean(), slack: z.boolean() }).strict();
export type ReminderPreferences = z.infer<typeof reminderPreferencesSchema>;

/** What GET answers: the person's choice, whether this server has each channel set up at all, and
 * whether the person's role may change it (rotation:work). */
export type ReminderPreferencesView = ReminderPreferences & { address: string; configured: ReminderPreferences; canChange: boolean };
