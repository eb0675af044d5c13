import { skipRotationTask } from "@/lib/data/rotation/skip-rotation-task";
import { eventContext, withRoute } from "@/lib/http/with-route";
import { skipBody, taskIdParams } from "@/lib/validation/rotation";
import { otherMethods } from "@/lib/http/other-methods";

/** POST /api/v1/rotation/tasks/:id/skip {reason} — skip this rotation; the reason is required (400 without). */
export const POST = withRoute(
  {
    permission: "rotation:work",
    schemas: { params: taskIdParams, body: skipBody },
    audit: { action: "rotate", rawAction: "rotation.skip", describe: ({ params }) => ({ detail: { taskId: params.id } }), successRecordedBy: "handler" },
  },
  (ctx) => skipRotationTask({ actor: ctx.actor, db: ctx.db, taskId: ctx.params.id, reason: ctx.body.reason, context: eventContext(ctx) }),
);

/** Anything else: 405 with Allow (lib/http/other-methods.ts). */
export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ POST });
