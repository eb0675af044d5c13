import "server-only";
// What a store says about a secret beyond its own fields: owners named in tags (assigned only to
// roles nobody holds — a person's decision is never overwritten — through the one writer of roles,
// so an open task follows the operator a tag names), consumers, and the sanctioned
// location in the store itself. Keyed by (source, external id), so it needs no ids in memory.
import { sql } from "drizzle-orm";
import type { OwnershipRole } from "@/db/schema";
import type { Queryable } from "@/lib/data/db";
import { writeRoles } from "@/lib/data/ownership/write-roles";
import type { SecretMetadata } from "@/lib/sources/types";

const values = (rows: ReturnType<typeof sql>[]) => sql.join(rows, sql`, `);
// Postgres takes at most 65,535 parameters a statement; a GitHub org secret visible to every repo
// can name hundreds of consumers, so links go in slices.
const SLICE = 5_000;
const slices = <T,>(items: T[]) => Array.from({ length: Math.ceil(items.length / SLICE) }, (_, i) => items.slice(i * SLICE, (i + 1) * SLICE));

export async function linkMetadata({ db, sourceId, batch }: { db: Queryable; sourceId: string; batch: SecretMetadata[] }): Promise<void> {
  if (batch.length === 0) return;
  const owners = batch.flatMap((m) => Object.entries(m.owners).map(([role, who]) => sql`(${m.externalId}, ${role}, ${who.toLowerCase()})`));
  if (owners.length) {
    // A tag may name a person by e-mail or by the part before the @.
    const named = await db.execute<{ secret_id: string; role: OwnershipRole; person_id: string }>(sql`
      select distinct on (s.id, v.role) s.id as secret_id, v.role::ownership_role as role, p.id as person_id
      from (values ${values(owners)}) as v(external_id, role, who)
      join secrets s on s.source_id = ${sourceId}::uuid and s.external_id = v.external_id
      join people p on p.status = 'active' and (lower(p.email) = v.who
        -- "priya" names priya@… only when exactly one person has that name before the @
        or (split_part(lower(p.email), '@', 1) = v.who
            and (select count(*) from people q where split_part(lower(q.email), '@', 1) = v.who) = 1))
      order by s.id, v.role, (lower(p.email) = v.who) desc`);
    const assign = named.rows.map((row) => ({ secretId: row.secret_id, role: row.role, personId: row.person_id }));
    await writeRoles({ db, assign, overwrite: false });
  }
  for (const uses of slices(batch.flatMap((m) => m.consumers.map((name) => sql`(${m.externalId}, ${name})`)))) {
    await db.execute(sql`
      insert into consumers (name, kind) select distinct v.name, 'service'::consumer_kind from (values ${values(uses)}) as v(external_id, name)
      on conflict (name) do nothing`);
    await db.execute(sql`
      insert into secret_consumers (secret_id, consumer_id)
      select s.id, c.id from (values ${values(uses)}) as v(external_id, name)
      join secrets s on s.source_id = ${sourceId}::uuid and s.external_id = v.external_id
      join consumers c on c.name = v.name
      on conflict do nothing`);
  }
  const places = batch.map((m) => sql`(${m.externalId}, ${`${m.place}: ${m.name}`})`);
  await db.execute(sql`
    insert into locations (secret_id, kind, place, sanctioned, found_by)
    select s.id, 'store', v.place, true, 'sync' from (values ${values(places)}) as v(external_id, place)
    join secrets s on s.source_id = ${sourceId}::uuid and s.external_id = v.external_id
    on conflict (secret_id, kind, place) do nothing`);
}
