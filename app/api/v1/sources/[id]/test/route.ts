import { testSource } from "@/lib/data/sources/test-source";
import { withRoute } from "@/lib/http/with-route";
import { sourceIdParams } from "@/lib/validation/sources";
import { otherMethods } from "@/lib/http/other-methods";

/** POST /api/v1/sources/:id/test — one cheap metadata call with the configured credentials. */
export const POST = withRoute({ permission: "source:manage", schemas: { params: sourceIdParams } }, ({ actor, params }) => testSource({ actor, id: params.id }));

/** Anything else: 405 with Allow (lib/http/other-methods.ts). */
export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ POST });
