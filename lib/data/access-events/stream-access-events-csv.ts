import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { listAccessEvents } from "@/lib/data/access-events/list-access-events";
import { streamCsvPages } from "@/lib/http/csv-stream";
import type { AccessEventFilters } from "@/lib/validation/access-events";

const HEADER = ["occurred_at", "source", "secret", "secret_ref", "actor", "actor_type", "auth_source", "action", "raw_action", "result", "error_code", "source_ip", "user_agent"];

/** The current access-log filter as CSV. */
export function streamAccessEventsCsv({ actor, filters }: { actor: Actor; filters: AccessEventFilters }) {
  return streamCsvPages({
    header: HEADER,
    fetchPage: (cursor) => listAccessEvents({ actor, query: { ...filters, cursor, limit: 500 }, firstTouch: false }),
    toRow: (e) => [e.occurredAt, e.sourceKind, e.secretName ?? "", e.secretRef, e.actor, e.actorType, e.authSource, e.action, e.rawAction, e.result, e.errorCode, e.sourceIp, e.userAgent],
  });
}
