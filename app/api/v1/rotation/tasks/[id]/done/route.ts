import { completeRotationTask } from "@/lib/data/rotation/complete-rotation-task";
import { eventContext, withRoute } from "@/lib/http/with-route";
import { doneBody, taskIdParams } from "@/lib/validation/rotation";
import { otherMethods } from "@/lib/http/other-methods";

/**
 * POST /api/v1/rotation/tasks/:id/done {note} — a manual done; the note is required (400 without).
 * Goes to awaiting_approval when the policy requires the approver's sign-off. 409 unless open or acknowledged.
 */
export const POST = withRoute(
  {
    permission: "rotation:work",
    schemas: { params: taskIdParams, body: doneBody },
    audit: { action: "rotate", rawAction: "rotation.done", describe: ({ params }) => ({ detail: { taskId: params.id } }), successRecordedBy: "handler" },
  },
  (ctx) => completeRotationTask({ actor: ctx.actor, db: ctx.db, taskId: ctx.params.id, note: ctx.body.note, context: eventContext(ctx) }),
);

/** Anything else: 405 with Allow (lib/http/other-methods.ts). */
export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ POST });
