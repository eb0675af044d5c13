import "server-only";
// The sources a sync or a pull may run for now (syncable-source.ts), by name.
import { and, eq } from "drizzle-orm";
import { sources, type Source } from "@/db/schema";
import type { Queryable } from "@/lib/data/db";
import { syncableSource } from "@/lib/data/sync/syncable-source";

export async function listSyncableSources({ db, name, kind }: { db: Queryable; name?: string; kind?: Source["kind"] }): Promise<Source[]> {
  return db
    .select()
    .from(sources)
    .where(and(syncableSource, name ? eq(sources.name, name) : undefined, kind ? eq(sources.kind, kind) : undefined))
    .orderBy(sources.name);
}
