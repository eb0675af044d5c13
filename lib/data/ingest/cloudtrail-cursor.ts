import "server-only";
// How far the CloudTrail pull of one source and region got: the newest EventTime it ingested,
// kept in app_meta so every worker process resumes from the same place.
import { eq, sql } from "drizzle-orm";
import { appMeta } from "@/db/schema";
import type { Queryable } from "@/lib/data/db";

type Where = { db: Queryable; sourceId: string; region: string };

export const cursorKey = (sourceId: string, region: string) => `cloudtrail-pull:${sourceId}:${region}`;

export async function readCloudTrailCursor({ db, sourceId, region }: Where): Promise<Date | null> {
  const [row] = await db.select({ value: appMeta.value }).from(appMeta).where(eq(appMeta.key, cursorKey(sourceId, region)));
  if (!row) return null;
  const date = new Date(row.value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Never moves a cursor backwards (two workers racing keep the later time). */
export async function writeCloudTrailCursor({ db, sourceId, region, at }: Where & { at: Date }): Promise<void> {
  const value = at.toISOString();
  await db
    .insert(appMeta)
    .values({ key: cursorKey(sourceId, region), value })
    .onConflictDoUpdate({
      target: appMeta.key,
      set: { value: sql`greatest(${appMeta.value}, excluded.value)`, updatedAt: sql`now()` },
    });
}
