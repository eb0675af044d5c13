import { listPeople } from "@/lib/data/people/list-people";
import { withRoute } from "@/lib/http/with-route";
import { otherMethods } from "@/lib/http/other-methods";

/** GET /api/v1/people — everyone in the registry, with how many roles each holds. */
export const GET = withRoute({ permission: "person:read" }, async ({ actor, db }) => ({ items: await listPeople({ actor, db }) }));

/** Anything else: 405 with Allow (lib/http/other-methods.ts). */
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET });
