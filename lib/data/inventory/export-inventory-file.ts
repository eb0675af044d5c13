import "server-only";
// The inventory file downloaded from the Sources page or the API: the same export as `keyledger export`.
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/data/db";
import { exportInventory } from "@/lib/data/inventory/export-inventory";
import { AppError } from "@/lib/errors";

export async function exportInventoryFile({ actor, format, sourceId }: { actor: Actor; format: "csv" | "yaml"; sourceId?: string }) {
  if (!can(actor.role, "source:read")) throw new AppError("forbidden", "You may not export sources");
  return exportInventory({ db: getDb(), format, sourceId });
}
