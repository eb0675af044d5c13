import "server-only";
// Writes one batch of store metadata into the registry. Identity is (source, external id).
// What the store reports overwrites what it reported before; what it does not know (null) keeps
// what people entered (tier, environment, revoke path…). A secret seen again is no longer missing.
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Queryable } from "@/lib/data/db";
import type { SecretMetadata } from "@/lib/sources/types";

export type UpsertResult = { added: number; changed: number };

const keep = (column: string) => sql.raw(`coalesce(excluded.${column}, secrets.${column})`);
// A store's unparseable date is unknown, not a failed sync.
const iso = (d: Date | null | undefined) => (d && !Number.isNaN(d.getTime()) ? d.toISOString() : null);

export function fingerprint(m: SecretMetadata): string {
  const { owners, consumers, readers, place, ...reported } = m;
  return createHash("sha256").update(JSON.stringify({ reported, owners, consumers, readers, place })).digest("base64url").slice(0, 22);
}

export async function upsertSecrets({ db, sourceId, batch }: { db: Queryable; sourceId: string; batch: SecretMetadata[] }): Promise<UpsertResult> {
  if (batch.length === 0) return { added: 0, changed: 0 };
  const rows = batch.map(
    (m) => sql`(${sourceId}::uuid, ${m.externalId}, ${m.name}, ${m.description ?? null}, ${m.environment ?? null}::environment,
    ${m.kind ?? null}::secret_kind, ${m.provider ?? null}, ${m.tier ?? null}::int, ${m.privilege ?? null}::privilege, ${m.lifetime ?? null}::lifetime,
    ${m.ttlSeconds ?? null}::int, ${iso(m.createdAt)}::timestamptz, ${iso(m.lastRotatedAt)}::timestamptz, ${iso(m.lastAccessedAt)}::timestamptz,
    ${iso(m.nextRotationAt)}::timestamptz, ${m.versionCount ?? null}::int, ${JSON.stringify(m.tags)}::jsonb, ${fingerprint(m)})`,
  );
  const result = await db.execute<{ inserted: boolean }>(sql`
    insert into secrets (source_id, external_id, name, description, environment, kind, provider, tier, privilege, lifetime,
      ttl_seconds, created_in_source_at, last_rotated_at, last_accessed_at, next_rotation_at, version_count, tags, source_fingerprint)
    values ${sql.join(rows, sql`, `)}
    on conflict (source_id, external_id) do update set
      name = excluded.name,
      description = ${keep("description")}, environment = ${keep("environment")}, kind = ${keep("kind")},
      provider = ${keep("provider")}, tier = ${keep("tier")}, privilege = ${keep("privilege")}, lifetime = ${keep("lifetime")},
      ttl_seconds = ${keep("ttl_seconds")}, created_in_source_at = ${keep("created_in_source_at")},
      last_rotated_at = ${keep("last_rotated_at")},
      last_accessed_at = greatest(excluded.last_accessed_at, secrets.last_accessed_at),
      next_rotation_at = ${keep("next_rotation_at")}, version_count = ${keep("version_count")},
      tags = excluded.tags, source_fingerprint = excluded.source_fingerprint, missing_since = null, updated_at = now()
    where secrets.source_fingerprint is distinct from excluded.source_fingerprint or secrets.missing_since is not null
    returning (xmax = 0) as inserted`);
  const added = result.rows.filter((r) => r.inserted).length;
  return { added, changed: result.rows.length - added };
}
