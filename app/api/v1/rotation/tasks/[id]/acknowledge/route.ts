import { acknowledgeRotationTask } from "@/lib/data/rotation/acknowledge-rotation-task";
import { eventContext, withRoute } from "@/lib/http/with-route";
import { taskIdParams } from "@/lib/validation/rotation";
import { otherMethods } from "@/lib/http/other-methods";

/** POST /api/v1/rotation/tasks/:id/acknowledge — the assignee (or an admin) takes the task. 409 unless open. */
export const POST = withRoute(
  {
    permission: "rotation:work",
    schemas: { params: taskIdParams },
    audit: { action: "rotate", rawAction: "rotation.acknowledge", describe: ({ params }) => ({ detail: { taskId: params.id } }), successRecordedBy: "handler" },
  },
  (ctx) => acknowledgeRotationTask({ actor: ctx.actor, db: ctx.db, taskId: ctx.params.id, context: eventContext(ctx) }),
);

/** Anything else: 405 with Allow (lib/http/other-methods.ts). */
export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ POST });
