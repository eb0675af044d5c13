import { clearRotationOverride, setRotationOverride } from "@/lib/data/rotation/set-rotation-override";
import { eventContext, withRoute } from "@/lib/http/with-route";
import { overrideBody } from "@/lib/validation/rotation";
import { secretIdParams } from "@/lib/validation/secrets";
import { otherMethods } from "@/lib/http/other-methods";

/** PUT /api/v1/secrets/:id/rotation-override {intervalDays?, graceDays?, exempt?, reason} — admins; the reason is required. */
export const PUT = withRoute(
  {
    permission: "rotation:manage",
    schemas: { params: secretIdParams, body: overrideBody },
    audit: { action: "policy_change", rawAction: "rotation.override_set", describe: ({ params }) => ({ secretId: params.id, detail: {} }), successRecordedBy: "handler" },
  },
  (ctx) => setRotationOverride({ actor: ctx.actor, db: ctx.db, secretId: ctx.params.id, input: ctx.body, context: eventContext(ctx) }),
);

/** DELETE /api/v1/secrets/:id/rotation-override — back to the tier × environment policy. Idempotent. */
export const DELETE = withRoute(
  {
    permission: "rotation:manage",
    schemas: { params: secretIdParams },
    audit: { action: "policy_change", rawAction: "rotation.override_clear", describe: ({ params }) => ({ secretId: params.id, detail: {} }), successRecordedBy: "handler" },
  },
  (ctx) => clearRotationOverride({ actor: ctx.actor, db: ctx.db, secretId: ctx.params.id, context: eventContext(ctx) }),
);

/** Anything else: 405 with Allow (lib/http/other-methods.ts). */
export const { GET, POST, PATCH, OPTIONS } = otherMethods({ PUT, DELETE });
