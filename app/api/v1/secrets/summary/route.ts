import { summarizeSecrets } from "@/lib/data/secrets/summarize-secrets";
import { withRoute } from "@/lib/http/with-route";
import { secretFiltersSchema } from "@/lib/validation/secrets";
import { otherMethods } from "@/lib/http/other-methods";

/** GET /api/v1/secrets/summary — totals, unknowns per column and role gaps for the same filters. */
export const GET = withRoute(
  { permission: "secret:read", schemas: { query: secretFiltersSchema.strict() } },
  ({ actor, db, query }) => summarizeSecrets({ actor, db, filters: query }),
);

/** Anything else: 405 with Allow (lib/http/other-methods.ts). */
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET });
