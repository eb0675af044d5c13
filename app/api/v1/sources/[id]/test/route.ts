import { testSource } from "@/lib/data/sources/test-source";
import { withRoute } from "@/lib/http/with-route";
import { sourceIdParams } from "@/lib/validation/sources";

/** POST /api/v1/sources/:id/test — one cheap metadata call with the configured credentials. */
export const POST = withRoute({ permission: "source:manage", schemas: { params: sourceIdParams } }, ({ actor, params }) => testSource({ actor, id: params.id }));
