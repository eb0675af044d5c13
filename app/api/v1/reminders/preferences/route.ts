import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getReminderPreferences } from "@/lib/data/reminders/get-reminder-preferences";
import { updateReminderPreferences } from "@/lib/data/reminders/update-reminder-preferences";
import { reminderPreferencesSchema, type ReminderPreferences, type ReminderPreferencesView } from "@/lib/domain/reminders/preferences";
import { withRoute } from "@/lib/http/with-route";
import { configuredChannels } from "@/lib/notify/configured-channels";
import { otherMethods } from "@/lib/http/other-methods";

const view = (actor: Actor, preferences: ReminderPreferences): ReminderPreferencesView => ({
  ...preferences,
  address: actor.email,
  configured: configuredChannels(),
  canChange: can(actor.role, "rotation:work"),
});

/** GET /api/v1/reminders/preferences — the signed-in person's reminder channels. */
export const GET = withRoute({ permission: "rotation:read" }, async ({ actor, db }) => view(actor, await getReminderPreferences({ actor, db })));

/** PUT /api/v1/reminders/preferences {email, slack} — turns one's own channels on or off. Audited. */
export const PUT = withRoute(
  {
    permission: "rotation:work",
    schemas: { body: reminderPreferencesSchema },
    audit: { action: "update", rawAction: "reminders.preferences", describe: ({ body }) => ({ detail: { email: body.email, slack: body.slack } }) },
  },
  async ({ actor, db, body }) => view(actor, await updateReminderPreferences({ actor, db, preferences: body })),
);

/** Anything else: 405 with Allow (lib/http/other-methods.ts). */
export const { POST, PATCH, DELETE, OPTIONS } = otherMethods({ GET, PUT });
