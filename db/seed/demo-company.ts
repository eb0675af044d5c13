// Seeds Lumen Pay, the demo company, into an empty registry: people, sources, consumers, secrets
// with owners, consumers and locations, then a year of access events. Deterministic: the same
// `now` gives the same company (row ids aside).
import { drizzle } from "drizzle-orm/node-postgres";
import type pg from "pg";
import { schema, type Database, type Db } from "@/db/client";
import {
  OWNERSHIP_ROLES,
  consumers,
  locations,
  people,
  roleAssignments,
  secretConsumers,
  secrets,
  sources,
} from "@/db/schema";
import { seedAccessEvents } from "@/db/seed/access-events";
import { DEMO_PERSONAS } from "@/lib/auth/demo-personas";
import {
  DEMO_CONSUMERS,
  DEMO_PEOPLE,
  DEMO_SOURCES,
  demoEmail,
  type SourceKey,
} from "@/db/seed/demo-data";
import { toEventSecret } from "@/db/seed/demo-event-secrets";
import { applyProblemCases } from "@/db/seed/demo-problems";
import { assignRotationOwners, seedDemoRotation } from "@/db/seed/demo-rotation";
import { daysBefore, planCatalogSecrets, planExtraSecrets, type SecretPlan } from "@/db/seed/demo-secrets";
import { buildConsumer, buildPerson, buildSecret, buildSource } from "@/db/seed/factories";
import { createRandom } from "@/db/seed/random";

export type SeedDemoOptions = {
  /** How many secrets; defaults to the hand-written catalog (~170). The benchmark uses 20 000. */
  secrets?: number;
  /** How many access events over the 12 months before `now`; defaults to 300 000. */
  accessEvents?: number;
  /** The demo's "today"; defaults to today at 00:00 UTC. */
  now?: Date;
};

export type DemoCounts = {
  people: number;
  sources: number;
  secrets: number;
  roleAssignments: number;
  consumers: number;
  locations: number;
  rotationTasks: number;
  accessEvents: number;
};

/** One connection in one transaction: the Drizzle handle and the raw client that COPY needs. */
export type SeedSession = { db: Db; client: pg.PoolClient };

export const DEFAULT_ACCESS_EVENTS = 300_000;
const COMPANY_SEED = 7_345_001;
const EXTRA_SEED = 7_345_002;
const ASSIGNMENT_SEED = 7_345_003;
const ROTATION_SEED = 7_345_004;

export function startOfTodayUtc(clock: Date = new Date()): Date {
  return new Date(Date.UTC(clock.getUTCFullYear(), clock.getUTCMonth(), clock.getUTCDate()));
}

/** Runs `work` in one transaction on one pooled connection; nothing stays behind if it throws. */
export async function withSeedSession<T>(database: Database, work: (session: SeedSession) => Promise<T>): Promise<T> {
  const client = await database.pool.connect();
  try {
    await client.query("begin");
    const result = await work({ db: drizzle(client, { schema, casing: "snake_case" }), client });
    await client.query("commit");
    return result;
  } catch (error) {
    await client.query("rollback").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** The catalog with its problem cases; trimmed (problem cases kept) or grown to `count`. */
export function planDemoSecrets(args: { now: Date; count?: number }): SecretPlan[] {
  const { now, count } = args;
  const catalog = planCatalogSecrets({ random: createRandom(COMPANY_SEED), now });
  applyProblemCases(catalog, now);
  if (count === undefined || count === catalog.length) return catalog;
  if (count > catalog.length) {
    return [...catalog, ...planExtraSecrets({ count: count - catalog.length, random: createRandom(EXTRA_SEED), now })];
  }
  const room = Math.max(0, count - catalog.filter((plan) => plan.pinned).length);
  const kept = new Set(catalog.filter((plan) => !plan.pinned).slice(0, room));
  return catalog.filter((plan) => plan.pinned || kept.has(plan));
}

async function inChunks<T>(rows: readonly T[], size: number, write: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}

async function insertPeople(db: Db, now: Date): Promise<(key: string) => string> {
  const rows = await db
    .insert(people)
    .values(
      DEMO_PEOPLE.map(({ key, employment = "employee", offboardedDaysAgo, ...person }) =>
        buildPerson({
          ...person,
          email: demoEmail(key),
          // Only these may use the demo sign-in (lib/auth/demo-sign-in.ts), whoever else is an admin.
          demoPersona: DEMO_PERSONAS.some((persona) => persona.email === demoEmail(key)),
          employment,
          status: offboardedDaysAgo === undefined ? "active" : "offboarded",
          offboardedAt: offboardedDaysAgo === undefined ? null : daysBefore(now, offboardedDaysAgo),
        }),
      ),
    )
    .returning({ id: people.id, email: people.email });
  const byKey = new Map(rows.map((row) => [row.email.split("@")[0] as string, row.id]));
  return (key) => {
    const id = byKey.get(key);
    if (!id) throw new Error(`demo seed: unknown person ${key}`);
    return id;
  };
}

async function insertSources(db: Db, now: Date): Promise<Map<SourceKey, string>> {
  const keys = Object.keys(DEMO_SOURCES) as SourceKey[];
  const rows = await db
    .insert(sources)
    .values(
      keys.map((key) =>
        // Connected stores synced minutes ago; the inventory file was last imported last week.
        // They hold sample data (config.demo), so the scheduler never tries to sync them.
        buildSource({
          ...DEMO_SOURCES[key],
          config: { ...DEMO_SOURCES[key].config, demo: "true" },
          status: "ok",
          lastSyncedAt: daysBefore(now, key === "inventory" ? 9 : 0.004),
        }),
      ),
    )
    .returning({ id: sources.id, name: sources.name });
  const byName = new Map(rows.map((row) => [row.name, row.id]));
  return new Map(keys.map((key) => [key, byName.get(DEMO_SOURCES[key].name) as string]));
}

async function insertConsumers(db: Db): Promise<Map<string, string>> {
  const rows = await db
    .insert(consumers)
    .values(DEMO_CONSUMERS.map((consumer) => buildConsumer(consumer)))
    .returning({ id: consumers.id, name: consumers.name });
  return new Map(rows.map((row) => [row.name, row.id]));
}

/** Inserts the secrets and returns a lookup from plan to row id (by source and external id). */
async function insertSecrets(db: Db, plans: readonly SecretPlan[], sourceIds: Map<SourceKey, string>) {
  const ids = new Map<string, string>();
  await inChunks(plans, 1000, async (chunk) => {
    const rows = await db
      .insert(secrets)
      .values(chunk.map((plan) => buildSecret({ ...plan.values, sourceId: sourceIds.get(plan.sourceKey) as string })))
      .returning({ id: secrets.id, sourceId: secrets.sourceId, externalId: secrets.externalId });
    for (const row of rows) ids.set(`${row.sourceId}|${row.externalId}`, row.id);
  });
  return (plan: SecretPlan) => ids.get(`${sourceIds.get(plan.sourceKey)}|${plan.values.externalId}`) as string;
}

export async function seedDemoCompany(database: Database, options: SeedDemoOptions = {}): Promise<DemoCounts> {
  return withSeedSession(database, (session) => seedDemoCompanyIn(session, options));
}

/** The seed itself, inside a session the caller opened (seedDemo adds its own checks around it). */
export async function seedDemoCompanyIn(session: SeedSession, options: SeedDemoOptions = {}): Promise<DemoCounts> {
  const { db, client } = session;
  const now = options.now ?? startOfTodayUtc();
  const plans = planDemoSecrets({ now, count: options.secrets });
  const random = createRandom(ASSIGNMENT_SEED);

  assignRotationOwners({ plans, now, random: createRandom(ROTATION_SEED) });

  const personId = await insertPeople(db, now);
  const sourceIds = await insertSources(db, now);
  const consumerIds = await insertConsumers(db);
  const secretId = await insertSecrets(db, plans, sourceIds);

  const assignmentRows = plans.flatMap((plan) =>
    OWNERSHIP_ROLES.flatMap((role) => {
      const key = plan.roles[role];
      if (!key) return [];
      const created = plan.values.createdInSourceAt ?? daysBefore(now, 400);
      const assignedAt = new Date(Math.min(now.getTime(), created.getTime() + random.int(0, 20) * 86_400_000));
      const assigner = random.chance(0.6) ? "sam" : plan.roles.approver;
      const assignedBy = assigner ? personId(assigner) : null;
      return [{ secretId: secretId(plan), role, personId: personId(key), assignedAt, assignedBy }];
    }),
  );
  await inChunks(assignmentRows, 5000, (chunk) => db.insert(roleAssignments).values(chunk));

  const linkRows = plans.flatMap((plan) =>
    plan.consumers.map((name) => ({ secretId: secretId(plan), consumerId: consumerIds.get(name) as string })),
  );
  await inChunks(linkRows, 5000, (chunk) => db.insert(secretConsumers).values(chunk));

  const locationRows = plans.flatMap((plan) =>
    plan.locations.map(({ personKey, ...location }) => ({
      ...location,
      secretId: secretId(plan),
      personId: personKey ? personId(personKey) : null,
    })),
  );
  await inChunks(locationRows, 3000, (chunk) => db.insert(locations).values(chunk));

  const rotation = await seedDemoRotation({ db, plans, secretId, personId, random: createRandom(ROTATION_SEED + 1), now });

  const accessEvents = await seedAccessEvents({
    client,
    secrets: plans.flatMap((plan) => toEventSecret({ plan, id: secretId(plan) }) ?? []),
    now,
    count: options.accessEvents ?? DEFAULT_ACCESS_EVENTS,
  });

  return {
    people: DEMO_PEOPLE.length,
    sources: sourceIds.size,
    secrets: plans.length,
    roleAssignments: assignmentRows.length,
    consumers: consumerIds.size,
    locations: locationRows.length,
    rotationTasks: rotation.tasks,
    accessEvents,
  };
}
