import { summarizeSecrets } from "@/lib/data/secrets/summarize-secrets";
import { withRoute } from "@/lib/http/with-route";
import { secretFiltersSchema } from "@/lib/validation/secrets";

/** GET /api/v1/secrets/summary — totals, unknowns per column and role gaps for the same filters. */
export const GET = withRoute(
  { permission: "secret:read", schemas: { query: secretFiltersSchema.strict() } },
  ({ actor, db, query }) => summarizeSecrets({ actor, db, filters: query }),
);
