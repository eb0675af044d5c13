import "server-only";
import { eq, or, sql } from "drizzle-orm";
import { sources } from "@/db/schema";
import type { Queryable } from "@/lib/data/db";

/** A source named by its name or its id (`keyledger export --source`); null when there is none. */
export async function findSourceId({ db, nameOrId }: { db: Queryable; nameOrId: string }): Promise<string | null> {
  const [source] = await db
    .select({ id: sources.id })
    .from(sources)
    .where(or(eq(sources.name, nameOrId), eq(sql`${sources.id}::text`, nameOrId)));
  return source?.id ?? null;
}
