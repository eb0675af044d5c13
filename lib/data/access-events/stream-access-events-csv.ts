import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { listAccessEvents } from "@/lib/data/access-events/list-access-events";
import type { Queryable } from "@/lib/data/db";
import { streamCsvPages } from "@/lib/domain/csv-pages";
import type { AccessEventFilters } from "@/lib/validation/access-events";

const HEADER = ["occurred_at", "source", "secret", "secret_ref", "actor", "actor_type", "auth_source", "action", "raw_action", "result", "error_code", "source_ip", "user_agent"];

/** The current access-log filter as CSV; the first page is read before this resolves. */
export function streamAccessEventsCsv({ actor, filters, db }: { actor: Actor; filters: AccessEventFilters; db?: Queryable }) {
  return streamCsvPages({
    header: HEADER,
    fetchPage: (cursor) => listAccessEvents({ actor, db, query: { ...filters, cursor, limit: 500 }, firstTouch: false }),
    toRow: (e) => [e.occurredAt, e.sourceKind, e.secretName ?? "", e.secretRef, e.actor, e.actorType, e.authSource, e.action, e.rawAction, e.result, e.errorCode, e.sourceIp, e.userAgent],
  });
}
