// `keyledger import` and `keyledger export`: the inventory file (CSV or YAML) in and out. Each opens
// the database the standard way and closes it. A rejected import prints every problem, located,
// and exits 1; export writes the file to --out or to stdout (messages go to stderr).
import { writeFile } from "node:fs/promises";
import { migrateDatabase } from "@/db/migrate";
import { exportInventory } from "@/lib/data/inventory/export-inventory";
import { findSourceId } from "@/lib/data/inventory/find-source-id";
import { importInventory, type ImportCounts } from "@/lib/data/inventory/import-inventory";
import { AppError } from "@/lib/errors";
import type { InventoryFormat } from "@/lib/sources/inventory-file/format";
import { formatProblem } from "@/lib/sources/inventory-file/problems";
import { openDatabase } from "@/scripts/database";

function fail(command: string, message: string) {
  console.error(`keyledger ${command}: ${message}`);
  process.exitCode = 1;
}

function describeCounts(counts: ImportCounts, dryRun: boolean): string {
  const verb = (done: string, would: string) => (dryRun ? would : done);
  const parts = [
    `${counts.read} read`,
    `${counts.added} ${verb("added", "to add")}`,
    `${counts.changed} ${verb("changed", "to change")}`,
    `${counts.unchanged} unchanged`,
    `${counts.missing} missing from the file (${verb("marked missing, not deleted", "would be marked missing")})`,
  ];
  if (counts.consumersCreated) parts.push(`${counts.consumersCreated} new consumer${counts.consumersCreated === 1 ? "" : "s"}`);
  return parts.join(", ");
}

export async function importCommand({ file, source, dryRun = false }: { file: string; source?: string; dryRun?: boolean }) {
  const database = await openDatabase();
  try {
    await migrateDatabase(database);
    const result = await importInventory({ db: database.db, file, sourceName: source, dryRun });
    if (!result.ok) {
      const count = result.problems.length;
      fail("import", `${file} was not imported: ${count} problem${count === 1 ? "" : "s"}, nothing changed.`);
      for (const problem of result.problems) console.error(`  ${formatProblem(problem)}`);
      return;
    }
    const into = `"${result.source.name}"${result.source.created ? " (new source)" : ""}`;
    console.log(
      dryRun
        ? `Dry run, nothing changed. ${file} is valid; importing it into ${into} would give: ${describeCounts(result.counts, true)}.`
        : `Imported ${file} into ${into}: ${describeCounts(result.counts, false)}.`,
    );
  } finally {
    await database.shutdown();
  }
}

export async function exportCommand({ format, out, source, all = false }: { format: InventoryFormat; out?: string; source?: string; all?: boolean }) {
  if (format !== "csv" && format !== "yaml") return fail("export", `the format is csv or yaml, not "${format}"`);
  const database = await openDatabase();
  try {
    await migrateDatabase(database);
    const sourceId = source ? await findSourceId({ db: database.db, nameOrId: source }) : undefined;
    if (sourceId === null) return fail("export", `there is no source named "${source}"`);
    const text = await exportInventory({ db: database.db, format, sourceId, allSources: all });
    if (out) {
      await writeFile(out, text, "utf8");
      console.error(`Wrote ${out}.`);
    } else {
      process.stdout.write(text);
    }
  } catch (error) {
    if (error instanceof AppError) return fail("export", error.message);
    throw error;
  } finally {
    await database.shutdown();
  }
}
