import "server-only";
// An inventory file uploaded on the Sources page: the same import as `keyledger import` (all or
// nothing), its problems turned into a 422 that names each one's place in the file.
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/data/db";
import { importInventory } from "@/lib/data/inventory/import-inventory";
import { AppError } from "@/lib/errors";
import { locateProblem } from "@/lib/sources/inventory-file/problems";

export async function importInventoryUpload({ actor, fileName, text, dryRun, sourceName }: { actor: Actor; fileName: string; text: string; dryRun: boolean; sourceName?: string }) {
  if (!can(actor.role, "source:manage")) throw new AppError("forbidden", "Only admins import inventory files");
  const result = await importInventory({ db: getDb(), text, fileName, dryRun, sourceName, assignedBy: actor.id, requestedBy: actor.email });
  if (result.ok) return result;
  const problems = `${result.problems.length} problem${result.problems.length === 1 ? "" : "s"}`;
  throw new AppError(
    "invalid_input",
    dryRun ? `${fileName} was checked: ${problems}; nothing was written` : `${fileName} was not imported: ${problems}, nothing changed`,
    result.problems.map((p) => ({ field: locateProblem(p), message: p.message })),
  );
}
