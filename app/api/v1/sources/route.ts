import { createSource } from "@/lib/data/sources/save-source";
import { listSourcesStatus } from "@/lib/data/sources/list-sources-status";
import { withRoute } from "@/lib/http/with-route";
import { createSourceBody } from "@/lib/validation/sources";
import { otherMethods } from "@/lib/http/other-methods";

/** GET /api/v1/sources — sources with status, last sync, last error and secret counts. */
export const GET = withRoute({ permission: "source:read" }, async ({ actor, db }) => ({ items: await listSourcesStatus({ actor, db }) }));

/** POST /api/v1/sources — add a source (configuration only; credentials come from env or a file). */
export const POST = withRoute(
  {
    permission: "source:manage",
    schemas: { body: createSourceBody },
    audit: { action: "create", rawAction: "source.create", describe: ({ body }, source: { id: string } | undefined) => ({ detail: { kind: body.kind, name: body.name, id: source?.id } }) },
  },
  ({ actor, db, body }) => createSource({ actor, db, input: body }),
);

/** Anything else: 405 with Allow (lib/http/other-methods.ts). */
export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET, POST });
