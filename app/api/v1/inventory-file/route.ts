import { z } from "zod";
import { exportInventoryFile } from "@/lib/data/inventory/export-inventory-file";
import { importInventoryUpload } from "@/lib/data/inventory/import-inventory-upload";
import { withRoute } from "@/lib/http/with-route";
import { otherMethods } from "@/lib/http/other-methods";

/** GET /api/v1/inventory-file?format=csv|yaml[&source=ID] — the inventory file, as `keyledger export` writes it. */
export const GET = withRoute(
  {
    permission: "source:read",
    schemas: { query: z.object({ format: z.enum(["csv", "yaml"]).default("csv"), source: z.uuid().optional() }).strict() },
    // Rendered whole before the first byte, so a failure is a problem answer; audited like the other exports.
    audit: { action: "list", rawAction: "inventory_file.export", describe: ({ query }) => ({ detail: { format: query.format, source: query.source ?? null } }) },
  },
  async ({ actor, query }) => {
    const text = await exportInventoryFile({ actor, format: query.format, sourceId: query.source });
    return new Response(text, {
      headers: {
        "content-type": query.format === "csv" ? "text/csv; charset=utf-8" : "application/yaml; charset=utf-8",
        "content-disposition": `attachment; filename="inventory.${query.format}"`,
        "cache-control": "no-store",
      },
    });
  },
);

const body = z
  .object({
    fileName: z.string().trim().min(1).max(200).regex(/\.(csv|tsv|txt|ya?ml)$/i, "must end in .csv, .tsv, .txt, .yaml or .yml"),
    text: z.string().max(10_000_000, "is larger than 10 MB"),
    dryRun: z.boolean().default(false),
    sourceName: z.string().trim().min(1).max(80).optional(),
  })
  .strict();

/** POST /api/v1/inventory-file {fileName, text, dryRun?, sourceName?} — import (or check) an inventory file. Audited. */
export const POST = withRoute(
  {
    permission: "source:manage",
    schemas: { body },
    bodyLimit: "KEYLEDGER_INVENTORY_MAX_BYTES",
    audit: { action: "update", rawAction: "inventory.import", describe: ({ body }) => ({ detail: { fileName: body.fileName, dryRun: body.dryRun } }) },
  },
  ({ actor, body }) => importInventoryUpload({ actor, ...body }),
);

/** Anything else: 405 with Allow (lib/http/other-methods.ts). */
export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET, POST });
