import { streamSecretsCsv } from "@/lib/data/secrets/stream-secrets-csv";
import { withRoute } from "@/lib/http/with-route";
import { exportSecretsQuery } from "@/lib/validation/secrets";

/** GET /api/v1/secrets/export — the current inventory view as CSV, streamed page by page. */
export const GET = withRoute(
  {
    permission: "secret:export",
    schemas: { query: exportSecretsQuery },
    audit: { action: "list", rawAction: "inventory.export_csv", describe: ({ query }) => ({ detail: { filters: query } }) },
  },
  async ({ actor, query }) => {
    const day = new Date().toISOString().slice(0, 10);
    return new Response(streamSecretsCsv({ actor, query }), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="keyledger-inventory-${day}.csv"`,
        "cache-control": "no-store",
      },
    });
  },
);
