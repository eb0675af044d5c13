import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { accessEvents, consumers, locations, people, roleAssignments, secretConsumers, secrets, sources, type OwnershipRole } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { isoMicros } from "@/lib/data/iso-micros";
import { getDb, type Queryable } from "@/lib/data/db";
import { accessEventWhere } from "@/lib/data/access-events/access-event-where";
import { secretScope } from "@/lib/data/scope";
import { secretColumns } from "@/lib/data/secrets/secret-columns";
import { windowStart } from "@/lib/domain/day-window";

export type SecretDetail = Awaited<ReturnType<typeof loadSecret>>;

/** One secret with everything known about it, or null when it does not exist for this actor. */
export async function getSecret({ actor, id, db = getDb() }: { actor: Actor; id: string; db?: Queryable }) {
  return loadSecret(db, actor, id);
}

async function loadSecret(db: Queryable, actor: Actor, id: string) {
  const [secret] = await db
    .select({
      ...secretColumns,
      externalId: secrets.externalId,
      description: secrets.description,
      createdInSourceAt: secrets.createdInSourceAt,
      versionCount: secrets.versionCount,
      tags: secrets.tags,
      revokePath: secrets.revokePath,
      source: { id: sources.id, name: sources.name, kind: sources.kind },
    })
    .from(secrets)
    .innerJoin(sources, eq(sources.id, secrets.sourceId))
    .where(and(eq(secrets.id, id), secretScope(actor)))
    .limit(1);
  if (!secret) return null;

  const [roles, linked, places, events] = await Promise.all([
    db
      .select({ role: roleAssignments.role, assignedAt: roleAssignments.assignedAt, person: { id: people.id, name: people.name, email: people.email, status: people.status, title: people.title } })
      .from(roleAssignments)
      .innerJoin(people, eq(people.id, roleAssignments.personId))
      .where(eq(roleAssignments.secretId, id)),
    db
      .select({ id: consumers.id, name: consumers.name, kind: consumers.kind, team: consumers.team })
      .from(secretConsumers)
      .innerJoin(consumers, eq(consumers.id, secretConsumers.consumerId))
      .where(eq(secretConsumers.secretId, id))
      .orderBy(consumers.name),
    db
      .select({ id: locations.id, kind: locations.kind, place: locations.place, sanctioned: locations.sanctioned, foundBy: locations.foundBy, foundAt: locations.foundAt, personName: people.name })
      .from(locations)
      .leftJoin(people, eq(people.id, locations.personId))
      .where(eq(locations.secretId, id))
      .orderBy(locations.sanctioned, locations.kind),
    db
      .select({ occurredAt: isoMicros(accessEvents.occurredAt), sourceKind: accessEvents.sourceKind, action: accessEvents.action, rawAction: accessEvents.rawAction, result: accessEvents.result, errorCode: accessEvents.errorCode, actor: accessEvents.actor, actorType: accessEvents.actorType, sourceIp: accessEvents.sourceIp })
      .from(accessEvents)
      .where(eq(accessEvents.secretId, id))
      .orderBy(desc(accessEvents.occurredAt))
      .limit(25),
  ]);

  const holders = Object.fromEntries(roles.map((r) => [r.role, { ...r.person, assignedAt: r.assignedAt }])) as Partial<
    Record<OwnershipRole, (typeof roles)[number]["person"] & { assignedAt: Date }>
  >;
  // The count says how many events its link to the access log shows: the same filter makes both.
  const accessFilters = { secret: id, from: windowStart(90) };
  const [{ accessCount } = { accessCount: 0 }] = await db
    .select({ accessCount: sql<number>`count(*)::int` })
    .from(accessEvents)
    .where(accessEventWhere(actor, accessFilters));
  return { ...secret, holders, consumers: linked, locations: places, recentEvents: events, access: { count: accessCount, filters: accessFilters } };
}
