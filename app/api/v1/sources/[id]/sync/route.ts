import { requestSync } from "@/lib/data/sources/request-sync";
import { withRoute } from "@/lib/http/with-route";
import { sourceIdParams } from "@/lib/validation/sources";
import { otherMethods } from "@/lib/http/other-methods";

/** POST /api/v1/sources/:id/sync — queue a sync now; progress appears in the source's runs. */
export const POST = withRoute(
  { permission: "source:manage", schemas: { params: sourceIdParams }, audit: { action: "other", rawAction: "source.sync_requested", describe: ({ params }, r: { runId: string } | undefined) => ({ detail: { id: params.id, runId: r?.runId } }) } },
  ({ actor, params }) => requestSync({ actor, id: params.id }),
);

/** Anything else: 405 with Allow (lib/http/other-methods.ts). */
export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ POST });
