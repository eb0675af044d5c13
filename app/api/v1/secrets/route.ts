import { listSecrets } from "@/lib/data/secrets/list-secrets";
import { withRoute } from "@/lib/http/with-route";
import { listSecretsQuery } from "@/lib/validation/secrets";
import { otherMethods } from "@/lib/http/other-methods";

/** GET /api/v1/secrets — the inventory, filtered, sorted, one keyset page at a time. */
export const GET = withRoute({ permission: "secret:read", schemas: { query: listSecretsQuery } }, ({ actor, db, query }) =>
  listSecrets({ actor, db, query }),
);

/** Anything else: 405 with Allow (lib/http/other-methods.ts). */
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET });
