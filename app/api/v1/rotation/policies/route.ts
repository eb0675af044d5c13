import { getRotationPolicies } from "@/lib/data/rotation/get-rotation-policies";
import { withRoute } from "@/lib/http/with-route";

/** GET /api/v1/rotation/policies — { policies: tier × environment rows, settings }. */
export const GET = withRoute({ permission: "rotation:read" }, ({ actor, db }) => getRotationPolicies({ actor, db }));
