import "server-only";
// Keeps an access-event partition ready for this month and the next two, so writers never wait.
import { sql } from "drizzle-orm";
import type { Queryable } from "@/lib/data/db";

export async function ensurePartitions({ db }: { db: Queryable }): Promise<number> {
  const result = await db.execute<{ created: number }>(
    sql`select keyledger_ensure_access_event_partitions(now(), now() + interval '2 months') as created`,
  );
  return result.rows[0]?.created ?? 0;
}
