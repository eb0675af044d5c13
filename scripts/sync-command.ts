// `keyledger sync [--source NAME]`: sync now, in this process, and say what changed.
import type { Db } from "@/db/client";
import { listSyncableSources } from "@/lib/data/sync/list-syncable-sources";
import { syncSource } from "@/lib/data/sync/sync-source";
import { SourceError } from "@/lib/sources/source-error";

/** Returns how many syncs failed. */
export async function syncSources(db: Db, name?: string): Promise<number> {
  const rows = await listSyncableSources({ db, name });
  if (name && rows.length === 0) throw new SourceError("not_found", `No enabled source named "${name}" (demo sources are not synced; inventory files are imported with keyledger import).`);
  if (rows.length === 0) console.log("No source to sync: add one on the Sources page.");
  let failed = 0;
  for (const source of rows) {
    const outcome = await syncSource({ db, sourceId: source.id, trigger: "cli" });
    if (outcome.status === "succeeded") {
      console.log(`${source.name}: listed ${outcome.listed}, added ${outcome.added}, changed ${outcome.changed}, missing ${outcome.missing}`);
    } else {
      failed++;
      console.error(`${source.name}: sync failed — ${outcome.error} (the last good data is kept; the source is marked stale)`);
    }
  }
  return failed;
}
