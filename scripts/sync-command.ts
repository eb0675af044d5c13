// `keyledger sync [--source NAME]`: sync now, in this process, and say what changed.
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { sources } from "@/db/schema";
import { syncableSource } from "@/lib/jobs/schedule-syncs";
import { syncSource } from "@/lib/jobs/sync/sync-source";
import { SourceError } from "@/lib/sources/source-error";

/** Returns how many syncs failed. */
export async function syncSources(db: Db, name?: string): Promise<number> {
  const rows = await db
    .select({ id: sources.id, name: sources.name })
    .from(sources)
    .where(and(syncableSource, name ? eq(sources.name, name) : undefined))
    .orderBy(sources.name);
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
