import { countDailyAccess } from "@/lib/data/access-events/count-daily-access";
import { withRoute } from "@/lib/http/with-route";
import { accessEventFilters } from "@/lib/validation/access-events";
import { otherMethods } from "@/lib/http/other-methods";

/** GET /api/v1/access-events/daily — events and failures per UTC day for the same filters (default: 90 days). */
export const GET = withRoute({ permission: "access-log:read", schemas: { query: accessEventFilters.strict() } }, async ({ actor, db, query }) => ({
  days: await countDailyAccess({ actor, db, filters: query }),
}));

/** Anything else: 405 with Allow (lib/http/other-methods.ts). */
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET });
