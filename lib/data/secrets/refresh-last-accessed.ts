import "server-only";
// "Last accessed" is derived from access events: the newest successful or failed touch per secret.
import { sql } from "drizzle-orm";
import type { Queryable } from "@/lib/data/db";

export async function refreshLastAccessed({ db }: { db: Queryable }): Promise<number> {
  const result = await db.execute(sql`
    update secrets s set last_accessed_at = e.latest
    from (select secret_id, max(occurred_at) as latest from access_events
          where secret_id is not null and source_kind <> 'keyledger' group by secret_id) e
    where e.secret_id = s.id and (s.last_accessed_at is null or s.last_accessed_at < e.latest)`);
  return result.rowCount ?? 0;
}
