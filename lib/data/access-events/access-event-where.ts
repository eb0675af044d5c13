import "server-only";
import { and, eq, gte, inArray, lt, ne, or, sql, type SQL } from "drizzle-orm";
import { accessEvents, secrets } from "@/db/schema";
import { accessEventSubjects } from "@/db/schema-ingest";
import type { Actor } from "@/lib/auth/actor";
import { scopeBySecret } from "@/lib/data/scope";
import type { AccessEventFilters } from "@/lib/validation/access-events";

const dayAfter = (date: string) => new Date(new Date(date).getTime() + 86_400_000);
const isDateOnly = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

/** The events an actor may search with the filters applied: an owner's, those of secrets they hold a role on. */
export function accessEventWhere(actor: Actor, filters: AccessEventFilters): SQL {
  return sql`(${scopeBySecret(actor, "access-log:read", accessEvents.secretId)}) and (${accessEventFilterWhere(filters)})`;
}

/** The events the filters select, whoever asks: the overview's company-wide counts use this alone. */
export function accessEventFilterWhere(filters: AccessEventFilters): SQL {
  const like = filters.q ? `%${filters.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  const conditions = [
    filters.secret ? eq(accessEvents.secretId, filters.secret) : undefined,
    filters.actor ? eq(accessEvents.actor, filters.actor) : undefined,
    filters.action?.length ? inArray(accessEvents.action, filters.action) : undefined,
    filters.result ? eq(accessEvents.result, filters.result) : undefined,
    filters.source?.length ? inArray(accessEvents.sourceKind, filters.source) : undefined,
    filters.origin === "keyledger" ? eq(accessEvents.sourceKind, "keyledger") : undefined,
    filters.origin === "stores" ? ne(accessEvents.sourceKind, "keyledger") : undefined,
    filters.from ? gte(accessEvents.occurredAt, new Date(filters.from)) : undefined,
    filters.to ? lt(accessEvents.occurredAt, isDateOnly(filters.to) ? dayAfter(filters.to) : new Date(filters.to)) : undefined,
    // The text is matched once against the few distinct actors, references and secret names, and
    // the log is then filtered by equality: no pattern is tried on each of millions of events.
    like
      ? or(
          sql`${accessEvents.actor} = any(array(select v.subject from ${accessEventSubjects} v where v.kind = 'actor' and v.subject ilike ${like}))`,
          sql`${accessEvents.secretRef} = any(array(select v.subject from ${accessEventSubjects} v where v.kind = 'secret_ref' and v.subject ilike ${like}))`,
          sql`${accessEvents.secretId} = any(array(select s.id from ${secrets} s where s.name ilike ${like}))`,
        )
      : undefined,
  ];
  return and(...conditions.filter((c): c is SQL => c !== undefined)) ?? sql`true`;
}
