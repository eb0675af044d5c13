import "server-only";
// Imports an inventory file into its source (kind inventory_file), all or nothing: every problem
// is collected first (syntax, values, people not in the registry), and one problem means nothing
// changes. A valid file is written in one transaction; a dry run does the same work and rolls back.
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { and, eq, isNull } from "drizzle-orm";
import { sources, syncRuns } from "@/db/schema";
import type { Db, Queryable } from "@/lib/data/db";
import { loadSecrets } from "@/lib/data/inventory/load-secrets";
import { resolvePeople } from "@/lib/data/inventory/resolve-people";
import { confirmRotations } from "@/lib/data/rotation/confirm-rotations";
import { writeChanges } from "@/lib/data/inventory/write-changes";
import { inferInventoryFormat, MAX_INVENTORY_BYTES, type InventoryFormat } from "@/lib/sources/inventory-file/format";
import { planChanges } from "@/lib/sources/inventory-file/plan-changes";
import { sortProblems, type InventoryProblem } from "@/lib/sources/inventory-file/problems";
import { decodeInventory, readInventory, tooLarge } from "@/lib/sources/inventory-file/read-inventory";

export type ImportCounts = {
  /** Secrets in the file. read = added + changed + unchanged. */
  read: number;
  added: number;
  changed: number;
  unchanged: number;
  /** Secrets of the source the file does not list: marked missing (never deleted). */
  missing: number;
  consumersCreated: number;
};
export type ImportResult =
  | { ok: true; dryRun: boolean; source: { id: string; name: string; created: boolean }; counts: ImportCounts }
  | { ok: false; problems: InventoryProblem[] };

export type ImportInventoryArgs = {
  db: Db;
  /** A path to read; or pass `text` (with `fileName` for messages). */
  file?: string;
  text?: string;
  fileName?: string;
  /** Inferred from the file name (.csv .tsv .txt / .yaml .yml) when absent. */
  format?: InventoryFormat;
  /** The source to import into; default: the file's name. Created when missing. */
  sourceName?: string;
  dryRun?: boolean;
  /** The person importing (id), recorded on the role assignments the import makes. */
  assignedBy?: string | null;
  /** Who asked (an e-mail, as on other sync runs), recorded on the run in the source's history. */
  requestedBy?: string | null;
  now?: Date;
  maxBytes?: number;
};

class Rollback extends Error {
  constructor(readonly result: ImportResult) {
    super("rollback");
  }
}

async function loadText(args: ImportInventoryArgs, file: string, maxBytes: number): Promise<{ text: string } | { problems: InventoryProblem[] }> {
  if (args.text !== undefined) return { text: args.text };
  if (!args.file) throw new TypeError("importInventory needs a file or a text");
  const info = await stat(args.file).catch(() => null);
  if (!info?.isFile()) return { problems: [{ file, message: `cannot read ${args.file}: there is no such file` }] };
  if (info.size > maxBytes) return { problems: [tooLarge(file, info.size, maxBytes)] };
  return decodeInventory({ bytes: await readFile(args.file), file, maxBytes });
}

/** The source by name, locked for this transaction; created when there is none. */
async function lockSource(tx: Queryable, name: string, configPath: string | undefined) {
  const find = () => tx.select().from(sources).where(eq(sources.name, name)).for("update");
  let [source] = await find();
  let created = false;
  if (!source) {
    const inserted = await tx
      .insert(sources)
      .values({ kind: "inventory_file", name, config: configPath ? { file: configPath } : {} })
      .onConflictDoNothing()
      .returning({ id: sources.id });
    created = inserted.length > 0;
    [source] = await find();
  }
  return { source: source as NonNullable<typeof source>, created };
}

/**
 * Without --source, a file goes back where it came from: the inventory source that names this
 * file, else the only inventory source there is, else a new source named after the file — so an
 * export imported again lands on the same secrets.
 */
async function defaultSourceName(tx: Queryable, file: string): Promise<string> {
  const existing = await tx.select({ name: sources.name, config: sources.config }).from(sources).where(and(eq(sources.kind, "inventory_file"), isNull(sources.deletedAt)));
  const byFile = existing.find((s) => typeof s.config.file === "string" && path.basename(s.config.file) === file);
  if (byFile) return byFile.name;
  return existing.length === 1 ? existing[0]!.name : file;
}

export async function importInventory(args: ImportInventoryArgs): Promise<ImportResult> {
  const { db, dryRun = false, now = new Date(), maxBytes = MAX_INVENTORY_BYTES, assignedBy = null, requestedBy = null } = args;
  const file = path.basename(args.file ?? args.fileName ?? "inventory");
  const format = args.format ?? inferInventoryFormat(file);
  if (!format) return { ok: false, problems: [{ file, message: "cannot tell the format from the file name: name it .csv or .yaml, or say which" }] };
  const loaded = await loadText(args, file, maxBytes);
  if ("problems" in loaded) return { ok: false, problems: loaded.problems };
  const read = readInventory({ text: loaded.text, format, file, maxBytes });
  if (read.problems.length && !read.rows.length) return { ok: false, problems: read.problems };
  try {
    return await db.transaction(async (tx) => {
      const sourceName = args.sourceName?.trim() || (await defaultSourceName(tx, file));
      const problems = [...read.problems];
      const people = await resolvePeople({ db: tx, rows: read.rows, file });
      problems.push(...people.problems);
      const { source, created } = await lockSource(tx, sourceName, args.file);
      if (source.kind !== "inventory_file") {
        problems.push({ file, message: `the source "${sourceName}" is a ${source.kind} source, not an inventory file: import into another source name` });
        throw new Rollback({ ok: false, problems: sortProblems(problems) });
      }
      const stored = await loadSecrets({ db: tx, sourceId: source.id });
      const plan = planChanges({ rows: read.rows, stored, people: people.people, file });
      problems.push(...plan.problems);
      if (problems.length) throw new Rollback({ ok: false, problems: sortProblems(problems) });

      const { consumersCreated } = await writeChanges({ tx, plan, sourceId: source.id, sourceName, now, assignedBy });
      // An import is this source's sync: it shows in the source's sync history like one.
      await tx.update(sources).set({ status: "ok", lastError: null, lastSyncedAt: now }).where(eq(sources.id, source.id));
      const { read: listed, added, changed, missing } = plan.counts;
      await tx.insert(syncRuns).values({ sourceId: source.id, trigger: "import", status: "succeeded", requestedBy, queuedAt: now, startedAt: now, finishedAt: new Date(), listed, added, changed, missing });
      // Like a sync, a newer rotation date or version completes the rotation tasks waiting on it.
      await confirmRotations({ db: tx, sourceId: source.id, now });
      const result: ImportResult = { ok: true, dryRun, source: { id: source.id, name: source.name, created }, counts: { ...plan.counts, consumersCreated } };
      if (dryRun) throw new Rollback(result);
      return result;
    });
  } catch (error) {
    if (error instanceof Rollback) return error.result;
    throw error;
  }
}
