import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/lib/data/db";

/** True when the database answers a trivial query. */
export async function checkDatabase(): Promise<boolean> {
  try {
    await getDb().execute(sql`select 1`);
    return true;
  } catch {
    return false;
  }
}
