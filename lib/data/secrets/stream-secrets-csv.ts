import "server-only";
// The inventory as CSV, pulled one keyset page at a time as the client reads, so a 20k-secret
// export never sits in memory. `unknown` is written out, as everywhere else.
import { OWNERSHIP_ROLES } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { listSecrets, type SecretRow } from "@/lib/data/secrets/list-secrets";
import { streamCsvPages } from "@/lib/domain/csv-pages";
import type { ListSecretsQuery } from "@/lib/validation/secrets";

const PAGE = 500;
const HEADER = ["name", "source", "environment", "tier", "kind", "provider", "privilege", "lifetime", "ttl_seconds",
  "last_rotated", "last_accessed", ...OWNERSHIP_ROLES, "consumers", "unsanctioned_locations", "unknown_fields", "missing_since"];

const known = (v: string | number | null) => (v === null ? "unknown" : v);

function toRow(row: SecretRow) {
  return [
    row.name, row.sourceName, known(row.environment), known(row.tier), known(row.kind), known(row.provider),
    known(row.privilege), known(row.lifetime), row.lifetime === "short_lived" ? known(row.ttlSeconds) : "",
    known(row.lastRotatedAt), row.lastAccessedAt ?? "never seen", ...OWNERSHIP_ROLES.map((r) => row.holders[r]?.name ?? "unassigned"),
    row.consumerCount, row.unsanctionedCount, row.unknownCount, row.missingSince ?? "",
  ];
}

export function streamSecretsCsv({ actor, query }: { actor: Actor; query: Omit<ListSecretsQuery, "cursor" | "limit"> }) {
  return streamCsvPages({ header: HEADER, fetchPage: (cursor) => listSecrets({ actor, query: { ...query, cursor, limit: PAGE } }), toRow });
}
