import { getSource } from "@/lib/data/sources/get-source";
import { updateSource } from "@/lib/data/sources/save-source";
import { notFound } from "@/lib/errors";
import { withRoute } from "@/lib/http/with-route";
import { sourceIdParams, updateSourceBody } from "@/lib/validation/sources";
import { otherMethods } from "@/lib/http/other-methods";

/** GET /api/v1/sources/:id — configuration, least-privilege policy and sync history. */
export const GET = withRoute({ permission: "source:read", schemas: { params: sourceIdParams } }, async ({ actor, db, params }) => {
  const source = await getSource({ actor, db, id: params.id });
  if (!source) throw notFound("Source");
  return source;
});

/** PATCH /api/v1/sources/:id — rename, reconfigure, enable/disable, change the schedule. Audited. */
export const PATCH = withRoute(
  {
    permission: "source:manage",
    schemas: { params: sourceIdParams, body: updateSourceBody },
    audit: { action: "update", rawAction: "source.update", describe: ({ params, body }) => ({ detail: { id: params.id, fields: Object.keys(body) } }) },
  },
  async ({ actor, db, params, body }) => (await updateSource({ actor, db, id: params.id, input: body })).after,
);

/** Anything else: 405 with Allow (lib/http/other-methods.ts). */
export const { POST, PUT, DELETE, OPTIONS } = otherMethods({ GET, PATCH });
