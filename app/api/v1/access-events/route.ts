import { listAccessEvents } from "@/lib/data/access-events/list-access-events";
import { withRoute } from "@/lib/http/with-route";
import { listAccessEventsQuery } from "@/lib/validation/access-events";
import { otherMethods } from "@/lib/http/other-methods";

/** GET /api/v1/access-events — the access log, newest first, filtered, one keyset page at a time. */
export const GET = withRoute({ permission: "access-log:read", schemas: { query: listAccessEventsQuery } }, ({ actor, db, query }) =>
  listAccessEvents({ actor, db, query }),
);

/** Anything else: 405 with Allow (lib/http/other-methods.ts). */
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET });
