import "server-only";
// What the registry holds for the secrets of one source (or of all sources): the columns an
// inventory file carries, with role holders, consumers and locations. Import diffs against it;
// export writes it out.
import { asc, eq, sql, type SQL } from "drizzle-orm";
import { consumers, locations, people, roleAssignments, secretConsumers, secrets, sources } from "@/db/schema";
import type { Queryable } from "@/lib/data/db";
import { secretFacts } from "@/lib/data/secrets/secret-columns";
import type { StoredSecret } from "@/lib/sources/inventory-file/format";

export async function loadSecrets({ db, sourceId }: { db: Queryable; sourceId?: string }): Promise<StoredSecret[]> {
  const inScope: SQL = sourceId ? eq(secrets.sourceId, sourceId) : sql`true`;
  const rows = await db
    .select({
      ...secretFacts,
      sourceName: sources.name,
      externalId: secrets.externalId,
      revokePath: secrets.revokePath,
      description: secrets.description,
    })
    .from(secrets)
    .innerJoin(sources, eq(sources.id, secrets.sourceId))
    .where(inScope)
    .orderBy(asc(secrets.id));
  const byId = new Map<string, StoredSecret>(
    rows.map((row) => [row.id, { ...row, roles: new Map(), consumers: new Map(), locations: [] }]),
  );
  if (!byId.size) return [];

  // One after the other: `db` may be a transaction, which is one connection.
  const roleRows = await db
    .select({ secretId: roleAssignments.secretId, role: roleAssignments.role, personId: roleAssignments.personId, email: people.email })
    .from(roleAssignments)
    .innerJoin(secrets, eq(secrets.id, roleAssignments.secretId))
    .innerJoin(people, eq(people.id, roleAssignments.personId))
    .where(inScope);
  const consumerRows = await db
    .select({ secretId: secretConsumers.secretId, id: consumers.id, name: consumers.name })
    .from(secretConsumers)
    .innerJoin(secrets, eq(secrets.id, secretConsumers.secretId))
    .innerJoin(consumers, eq(consumers.id, secretConsumers.consumerId))
    .where(inScope);
  const locationRows = await db
    .select({
      secretId: locations.secretId,
      id: locations.id,
      kind: locations.kind,
      place: locations.place,
      sanctioned: locations.sanctioned,
      personId: locations.personId,
      personEmail: people.email,
      foundBy: locations.foundBy,
    })
    .from(locations)
    .innerJoin(secrets, eq(secrets.id, locations.secretId))
    .leftJoin(people, eq(people.id, locations.personId))
    .where(inScope);
  for (const { secretId, role, personId, email } of roleRows) byId.get(secretId)?.roles.set(role, { personId, email: email.toLowerCase() });
  for (const { secretId, id, name } of consumerRows) byId.get(secretId)?.consumers.set(name, id);
  for (const { secretId, personEmail, ...location } of locationRows) {
    byId.get(secretId)?.locations.push({ ...location, personEmail: personEmail?.toLowerCase() ?? null });
  }
  return [...byId.values()];
}
