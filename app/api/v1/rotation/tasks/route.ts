import { listRotationTasks } from "@/lib/data/rotation/list-rotation-tasks";
import { withRoute } from "@/lib/http/with-route";
import { listRotationTasksQuery } from "@/lib/validation/rotation";
import { otherMethods } from "@/lib/http/other-methods";

/**
 * GET /api/v1/rotation/tasks?from&to&assignee=me|<id>&approver=me|<id>&person=<id>&secret=<id>&tier&environment&status&kind&overdue&due=<days>&gap&done=<YYYY-Qn>&acked=<days>&ackedWithin2Days&sort=risk|due&cursor&limit
 * — the tasks the caller can see, by risk (tier, environment, days overdue) unless sort=due: { items, nextCursor, total }.
 */
export const GET = withRoute({ permission: "rotation:read", schemas: { query: listRotationTasksQuery } }, ({ actor, db, query }) =>
  listRotationTasks({ actor, db, query }),
);

/** Anything else: 405 with Allow (lib/http/other-methods.ts). */
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET });
