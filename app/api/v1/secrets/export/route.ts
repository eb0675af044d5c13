import { streamSecretsCsv } from "@/lib/data/secrets/stream-secrets-csv";
import { withRoute } from "@/lib/http/with-route";
import { exportSecretsQuery } from "@/lib/validation/secrets";
import { otherMethods } from "@/lib/http/other-methods";

/** GET /api/v1/secrets/export — the current inventory view as CSV, streamed page by page. */
export const GET = withRoute(
  {
    permission: "secret:export",
    schemas: { query: exportSecretsQuery },
    // Recorded when the download ends: failure if it broke off (lib/http/audited-stream.ts).
    audit: { action: "list", rawAction: "inventory.export_csv", describe: ({ query }) => ({ detail: { filters: query } }), streamed: true },
  },
  async ({ actor, query }) => {
    const day = new Date().toISOString().slice(0, 10);
    return new Response(await streamSecretsCsv({ actor, query }), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="keyledger-inventory-${day}.csv"`,
        "cache-control": "no-store",
      },
    });
  },
);

/** Anything else: 405 with Allow (lib/http/other-methods.ts). */
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET });
