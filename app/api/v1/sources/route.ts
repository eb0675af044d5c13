import { listSources } from "@/lib/data/secrets/list-sources";
import { withRoute } from "@/lib/http/with-route";

/** GET /api/v1/sources — connected sources with their secret counts. */
export const GET = withRoute({ permission: "source:read" }, async ({ actor, db }) => ({ items: await listSources({ actor, db }) }));
