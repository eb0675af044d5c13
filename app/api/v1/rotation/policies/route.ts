import { getRotationPolicies } from "@/lib/data/rotation/get-rotation-policies";
import { withRoute } from "@/lib/http/with-route";
import { otherMethods } from "@/lib/http/other-methods";

/** GET /api/v1/rotation/policies — { policies: tier × environment rows, settings }. */
export const GET = withRoute({ permission: "rotation:read" }, ({ actor, db }) => getRotationPolicies({ actor, db }));

/** Anything else: 405 with Allow (lib/http/other-methods.ts). */
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET });
