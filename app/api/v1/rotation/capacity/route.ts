import { getRotationCapacity } from "@/lib/data/rotation/get-rotation-capacity";
import { withRoute } from "@/lib/http/with-route";
import { capacityQuery } from "@/lib/validation/rotation";
import { otherMethods } from "@/lib/http/other-methods";

/** GET /api/v1/rotation/capacity?engineerHoursPerMonth&minutesPerRotation — does the policy fit the engineers we have? */
export const GET = withRoute({ permission: "rotation:read", schemas: { query: capacityQuery } }, ({ actor, db, query }) =>
  getRotationCapacity({ actor, db, engineerHoursPerMonth: query.engineerHoursPerMonth, minutesPerRotation: query.minutesPerRotation }),
);

/** Anything else: 405 with Allow (lib/http/other-methods.ts). */
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET });
