import { approveRotationTask } from "@/lib/data/rotation/approve-rotation-task";
import { eventContext, withRoute } from "@/lib/http/with-route";
import { taskIdParams } from "@/lib/validation/rotation";
import { otherMethods } from "@/lib/http/other-methods";

/** POST /api/v1/rotation/tasks/:id/approve — the secret's approver (or an admin) signs off a manual done. */
export const POST = withRoute(
  {
    permission: "rotation:work",
    schemas: { params: taskIdParams },
    audit: { action: "rotate", rawAction: "rotation.approve", describe: ({ params }) => ({ detail: { taskId: params.id } }), successRecordedBy: "handler" },
  },
  (ctx) => approveRotationTask({ actor: ctx.actor, db: ctx.db, taskId: ctx.params.id, context: eventContext(ctx) }),
);

/** Anything else: 405 with Allow (lib/http/other-methods.ts). */
export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ POST });
