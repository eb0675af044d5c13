import { getRotationPolicies } from "@/lib/data/rotation/get-rotation-policies";
import { updateRotationSettings } from "@/lib/data/rotation/update-rotation-settings";
import { eventContext, withRoute } from "@/lib/http/with-route";
import { settingsBody } from "@/lib/validation/rotation";
import { otherMethods } from "@/lib/http/other-methods";

/** GET /api/v1/rotation/settings — lead days, escalation delay, capacity inputs. */
export const GET = withRoute({ permission: "rotation:read" }, async ({ actor, db }) => (await getRotationPolicies({ actor, db })).settings);

/** PUT /api/v1/rotation/settings {leadDays?, escalateAfterDays?, engineerHoursPerMonth?, minutesPerRotation?} — admins. */
export const PUT = withRoute(
  {
    permission: "rotation:manage",
    schemas: { body: settingsBody },
    audit: { action: "policy_change", rawAction: "rotation.settings_update", describe: ({ body }) => ({ detail: { fields: Object.keys(body) } }), successRecordedBy: "handler" },
  },
  (ctx) => updateRotationSettings({ actor: ctx.actor, db: ctx.db, input: ctx.body, context: eventContext(ctx) }),
);

/** Anything else: 405 with Allow (lib/http/other-methods.ts). */
export const { POST, PATCH, DELETE, OPTIONS } = otherMethods({ GET, PUT });
