import "server-only";
// The access log, newest first, one keyset page at a time: (occurred_at, id) continues exactly
// where the last page ended, however deep.
import { desc, eq, sql } from "drizzle-orm";
import { accessEvents, secrets } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { decodeCursor, encodeCursor } from "@/lib/domain/cursor";
import { accessEventWhere } from "@/lib/data/access-events/access-event-where";
import { getDb, type Queryable } from "@/lib/data/db";
import { isoMicros } from "@/lib/data/iso-micros";
import type { ListAccessEventsQuery } from "@/lib/validation/access-events";

export type AccessEventRow = {
  id: number;
  occurredAt: string;
  sourceKind: string;
  action: string;
  rawAction: string;
  result: string;
  errorCode: string | null;
  actor: string;
  actorType: string;
  authSource: string | null;
  sourceIp: string | null;
  userAgent: string | null;
  secretRef: string | null;
  secretId: string | null;
  secretName: string | null;
  /** The first event in the log from this actor on this secret: a new actor worth a look. */
  firstTouch: boolean;
};

/**
 * `firstTouch` costs one index probe per row in every month partition: the page on screen wants it,
 * a CSV export of the whole log does not.
 */
export async function listAccessEvents({ actor, query, db = getDb(), firstTouch = true }: { actor: Actor; query: ListAccessEventsQuery; db?: Queryable; firstTouch?: boolean }) {
  const after = query.cursor ? decodeCursor(query.cursor, "bigint", "timestamptz") : undefined;
  const keyset = after ? sql`(${accessEvents.occurredAt}, ${accessEvents.id}) < (${after.key}::timestamptz, ${after.id}::bigint)` : sql`true`;
  const rows = await db
    .select({
      id: accessEvents.id,
      // To the microsecond, as stored: the time the auditor's log has, and a cursor that skips nothing.
      occurredAt: isoMicros(accessEvents.occurredAt),
      sourceKind: accessEvents.sourceKind,
      action: accessEvents.action,
      rawAction: accessEvents.rawAction,
      result: accessEvents.result,
      errorCode: accessEvents.errorCode,
      actor: accessEvents.actor,
      actorType: accessEvents.actorType,
      authSource: accessEvents.authSource,
      sourceIp: accessEvents.sourceIp,
      userAgent: accessEvents.userAgent,
      secretRef: accessEvents.secretRef,
      secretId: accessEvents.secretId,
      secretName: secrets.name,
      firstTouch: firstTouch
        ? sql<boolean>`${accessEvents.secretId} is not null and not exists (select 1 from access_events earlier
            where earlier.secret_id = ${accessEvents.secretId} and earlier.actor = ${accessEvents.actor}
              and earlier.occurred_at < ${accessEvents.occurredAt})`
        : sql<boolean>`false`,
    })
    .from(accessEvents)
    .leftJoin(secrets, eq(secrets.id, accessEvents.secretId))
    .where(sql`${accessEventWhere(actor, query)} and ${keyset}`)
    .orderBy(desc(accessEvents.occurredAt), desc(accessEvents.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page satisfies AccessEventRow[],
    nextCursor: rows.length > query.limit && last ? encodeCursor({ key: last.occurredAt, id: String(last.id) }) : null,
  };
}
