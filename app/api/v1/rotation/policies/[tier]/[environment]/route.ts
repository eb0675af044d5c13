import { updateRotationPolicy } from "@/lib/data/rotation/update-rotation-policy";
import { eventContext, withRoute } from "@/lib/http/with-route";
import { policyBody, policyParams, policyQuery } from "@/lib/validation/rotation";
import { otherMethods } from "@/lib/http/other-methods";

/**
 * PUT /api/v1/rotation/policies/:tier/:environment {intervalDays, graceDays, requiresApproval} — admins.
 * Invalid → 400 naming each field, nothing changed. Open tasks' due dates move at once. Answers
 * { policy, tasks: { opened, updated, closed, withdrawn, changes: [{ change, taskId, secret, dueAt, fromDueAt, reason }] }, applied }.
 * With `?preview=true` the same answer says what it would do (applied: false) and nothing changes.
 */
export const PUT = withRoute(
  {
    permission: "rotation:manage",
    schemas: { params: policyParams, query: policyQuery, body: policyBody },
    audit: { action: "policy_change", rawAction: "rotation.policy_update", describe: ({ params }) => ({ detail: { tier: params.tier, environment: params.environment } }), successRecordedBy: "handler" },
  },
  (ctx) => updateRotationPolicy({ actor: ctx.actor, db: ctx.db, tier: ctx.params.tier, environment: ctx.params.environment, input: ctx.body, preview: ctx.query.preview === "true", context: eventContext(ctx) }),
);

/** Anything else: 405 with Allow (lib/http/other-methods.ts). */
export const { GET, POST, PATCH, DELETE, OPTIONS } = otherMethods({ PUT });
