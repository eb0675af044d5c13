import { countAccessEvents } from "@/lib/data/access-events/count-access-events";
import { withRoute } from "@/lib/http/with-route";
import { accessEventFilters } from "@/lib/validation/access-events";
import { otherMethods } from "@/lib/http/other-methods";

/** GET /api/v1/access-events/count — how many events the same filters hold: `{ count, estimated }` (estimated: the planner's row estimate, for a huge count). */
export const GET = withRoute({ permission: "access-log:read", schemas: { query: accessEventFilters.strict() } }, ({ actor, db, query }) =>
  countAccessEvents({ actor, db, filters: query }),
);

/** Anything else: 405 with Allow (lib/http/other-methods.ts). */
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET });
