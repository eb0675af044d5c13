import "server-only";
import { asc, desc, eq, sql, type SQL } from "drizzle-orm";
import { locations, people, roleAssignments, secretConsumers, secrets, sources, type OwnershipRole } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { decodeCursor, encodeCursor, type CursorKeyShape } from "@/lib/domain/cursor";
import { getDb, type Queryable } from "@/lib/data/db";
import { secretColumns } from "@/lib/data/secrets/secret-columns";
import { secretWhere } from "@/lib/data/secrets/secret-filters";
import type { ListSecretsQuery, SortKey } from "@/lib/validation/secrets";

export type Holder = { id: string; name: string; status: "active" | "offboarded" };
export type SecretRow = {
  id: string;
  name: string;
  sourceId: string;
  sourceName: string;
  sourceKind: string;
  environment: string | null;
  kind: string | null;
  provider: string | null;
  tier: number | null;
  privilege: string | null;
  lifetime: string | null;
  ttlSeconds: number | null;
  lastRotatedAt: string | null;
  lastAccessedAt: string | null;
  missingSince: string | null;
  unknownCount: number;
  holders: Partial<Record<OwnershipRole, Holder>>;
  consumerCount: number;
  unsanctionedCount: number;
};
export type SecretPage = { items: SecretRow[]; nextCursor: string | null };

// Each sort is an expression with no nulls (unknown sorts last, or first for "oldest"), so a row
// comparison `(key, id) > (cursor key, cursor id)` continues exactly where the last page ended.
const SORTS: Record<SortKey, { expr: SQL; cast: CursorKeyShape }> = {
  name: { expr: sql`${secrets.name}`, cast: "text" },
  tier: { expr: sql`coalesce(${secrets.tier}, 5)`, cast: "int" },
  environment: {
    expr: sql`(case ${secrets.environment} when 'prod' then 1 when 'staging' then 2 when 'dev' then 3 else 4 end)`,
    cast: "int",
  },
  last_rotated: { expr: sql`coalesce(${secrets.lastRotatedAt}, '-infinity'::timestamptz)`, cast: "timestamptz" },
  last_accessed: { expr: sql`coalesce(${secrets.lastAccessedAt}, '-infinity'::timestamptz)`, cast: "timestamptz" },
  unknowns: { expr: sql`${secrets.unknownCount}`, cast: "int" },
};

const holders = sql<Partial<Record<OwnershipRole, Holder>>>`(select coalesce(json_object_agg(ra.role,
  json_build_object('id', p.id, 'name', p.name, 'status', p.status)), '{}'::json)
  from ${roleAssignments} ra join ${people} p on p.id = ra.person_id where ra.secret_id = ${secrets.id})`;

export async function listSecrets({ actor, query, db = getDb() }: { actor: Actor; query: ListSecretsQuery; db?: Queryable }): Promise<SecretPage> {
  const sort = SORTS[query.sort];
  const order = query.dir === "asc" ? asc : desc;
  const after = query.cursor ? decodeCursor(query.cursor, "uuid", sort.cast) : undefined;
  const keyset = after
    ? sql`(${sort.expr}, ${secrets.id}) ${sql.raw(query.dir === "asc" ? ">" : "<")} (${after.key}::${sql.raw(sort.cast)}, ${after.id}::uuid)`
    : sql`true`;

  const rows = await db
    .select({
      ...secretColumns,
      sourceId: secrets.sourceId,
      sourceName: sources.name,
      sourceKind: sources.kind,
      holders,
      consumerCount: sql<number>`(select count(*)::int from ${secretConsumers} sc where sc.secret_id = ${secrets.id})`,
      unsanctionedCount: sql<number>`(select count(*)::int from ${locations} l where l.secret_id = ${secrets.id} and not l.sanctioned)`,
      sortKey: sql<string>`${sort.expr}::text`,
    })
    .from(secrets)
    .innerJoin(sources, eq(sources.id, secrets.sourceId))
    .where(sql`${secretWhere(actor, query)} and ${keyset}`)
    .orderBy(order(sort.expr), order(secrets.id))
    .limit(query.limit + 1);

  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(({ sortKey: _sortKey, ...row }) => ({
      ...row,
      lastRotatedAt: row.lastRotatedAt?.toISOString() ?? null,
      lastAccessedAt: row.lastAccessedAt?.toISOString() ?? null,
      missingSince: row.missingSince?.toISOString() ?? null,
    })),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ key: last.sortKey, id: last.id }) : null,
  };
}
