import { getRotationSummary } from "@/lib/data/rotation/get-rotation-summary";
import { withRoute } from "@/lib/http/with-route";
import { otherMethods } from "@/lib/http/other-methods";

/** GET /api/v1/rotation/summary — overdue, due in 14 days, gaps (whose: scope, and of them mine), % acknowledged within 2 days, % on time per quarter. */
export const GET = withRoute({ permission: "rotation:read" }, ({ actor, db }) => getRotationSummary({ actor, db }));

/** Anything else: 405 with Allow (lib/http/other-methods.ts). */
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET });
