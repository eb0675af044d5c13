import { deleteSource, type DeletedSource } from "@/lib/data/sources/delete-source";
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

/**
 * DELETE /api/v1/sources/:id — stop syncing it and take it off the list; its secrets stay, marked
 * missing, with their history (lib/data/sources/delete-source.ts). Admins only. Audited.
 */
export const DELETE = withRoute(
  {
    permission: "source:manage",
    schemas: { params: sourceIdParams },
    audit: { action: "delete", rawAction: "source.delete", describe: ({ params }, r: DeletedSource | undefined) => ({ detail: { id: params.id, name: r?.name, secretsMarkedMissing: r?.secretsMarkedMissing } }) },
  },
  ({ actor, db, params }) => deleteSource({ actor, db, id: params.id }),
);

/** Anything else: 405 with Allow (lib/http/other-methods.ts). */
export const { POST, PUT, OPTIONS } = otherMethods({ GET, PATCH, DELETE });
