import { getRotationTask } from "@/lib/data/rotation/get-rotation-task";
import { notFound } from "@/lib/errors";
import { withRoute } from "@/lib/http/with-route";
import { taskIdParams } from "@/lib/validation/rotation";
import { otherMethods } from "@/lib/http/other-methods";

/** GET /api/v1/rotation/tasks/:id — one task with its runbook and rotation impact checklist. */
export const GET = withRoute({ permission: "rotation:read", schemas: { params: taskIdParams } }, async ({ actor, db, params }) => {
  const task = await getRotationTask({ actor, db, id: params.id });
  if (!task) throw notFound("Rotation task");
  return task;
});

/** Anything else: 405 with Allow (lib/http/other-methods.ts). */
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET });
