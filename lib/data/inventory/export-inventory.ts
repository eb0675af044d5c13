import "server-only";
// Writes the secrets of a source (or of every source) as an inventory file. Importing the result
// into the same source changes nothing, and exporting again gives the same bytes.
import { eq } from "drizzle-orm";
import { sources } from "@/db/schema";
import type { Queryable } from "@/lib/data/db";
import { loadSecrets } from "@/lib/data/inventory/load-secrets";
import { AppError, notFound } from "@/lib/errors";
import type { InventoryFormat } from "@/lib/sources/inventory-file/format";
import { renderInventory } from "@/lib/sources/inventory-file/render-inventory";

/** The one inventory-file source, when no source is named. */
async function findInventorySource(db: Queryable): Promise<string> {
  const found = await db.select({ id: sources.id, name: sources.name }).from(sources).where(eq(sources.kind, "inventory_file"));
  if (found.length === 1) return (found[0] as { id: string }).id;
  if (!found.length) throw new AppError("not_found", "There is no inventory-file source yet: import a file first, or export all secrets");
  throw new AppError("bad_request", `There are ${found.length} inventory-file sources (${found.map((s) => `"${s.name}"`).join(", ")}): say which one to export`);
}

export async function exportInventory(args: {
  db: Queryable;
  format: InventoryFormat;
  /** The source to export; default: the only inventory-file source. */
  sourceId?: string;
  /** Every secret of every source instead (a report: names may repeat across sources). */
  allSources?: boolean;
}): Promise<string> {
  const { db, format, allSources = false } = args;
  if (allSources) return renderInventory({ secrets: await loadSecrets({ db }), format });
  const sourceId = args.sourceId ?? (await findInventorySource(db));
  const [source] = await db.select({ id: sources.id }).from(sources).where(eq(sources.id, sourceId));
  if (!source) throw notFound("Source");
  return renderInventory({ secrets: await loadSecrets({ db, sourceId }), format });
}
