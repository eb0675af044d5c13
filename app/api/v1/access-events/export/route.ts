import { streamAccessEventsCsv } from "@/lib/data/access-events/stream-access-events-csv";
import { withRoute } from "@/lib/http/with-route";
import { exportAccessEventsQuery } from "@/lib/validation/access-events";
import { otherMethods } from "@/lib/http/other-methods";

/** GET /api/v1/access-events/export — the current filter as CSV, streamed; never loaded whole. */
export const GET = withRoute(
  {
    permission: "access-log:read",
    schemas: { query: exportAccessEventsQuery },
    // Recorded when the download ends: failure if it broke off (lib/http/audited-stream.ts).
    audit: { action: "list", rawAction: "access_log.export_csv", describe: ({ query }) => ({ detail: { filters: query } }), streamed: true },
  },
  async ({ actor, query }) =>
    new Response(await streamAccessEventsCsv({ actor, filters: query }), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="keyledger-access-log-${new Date().toISOString().slice(0, 10)}.csv"`,
        "cache-control": "no-store",
      },
    }),
);

/** Anything else: 405 with Allow (lib/http/other-methods.ts). */
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET });
