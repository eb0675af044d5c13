import "server-only";
import { sql } from "drizzle-orm";
import type { Queryable } from "@/lib/data/db";

/** Secrets of this source the store no longer lists (not in `seen`) are marked missing — never deleted. */
export async function markMissing({ db, sourceId, seen }: { db: Queryable; sourceId: string; seen: string[] }): Promise<number> {
  const result = await db.execute(sql`
    update secrets set missing_since = now(), updated_at = now()
    where source_id = ${sourceId}::uuid and missing_since is null and not (external_id = any(${sql.param(seen)}::text[]))`);
  return result.rowCount ?? 0;
}
