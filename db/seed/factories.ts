// Row factories shared by the demo seed and the tests. Each fills sensible, unique defaults, so a
// test only names what it asserts on: `await createSecret(db, { sourceId, tier: 1 })`.
// No factory has a field for a secret value, because the registry has none (docs/architecture.md, rule 1).
import { randomUUID } from "node:crypto";
import type { Queryable } from "@/db/client";
import {
  consumers,
  locations,
  people,
  roleAssignments,
  secretConsumers,
  secrets,
  sources,
  type Consumer,
  type Location,
  type OwnershipRole,
  type Person,
  type RoleAssignment,
  type Secret,
  type Source,
} from "@/db/schema";

export type NewPerson = typeof people.$inferInsert;
export type NewSource = typeof sources.$inferInsert;
export type NewSecret = typeof secrets.$inferInsert;
export type NewConsumer = typeof consumers.$inferInsert;
export type NewLocation = typeof locations.$inferInsert;

// A per-process token plus a counter: two calls never collide, not even from two test files that
// share one database.
const runToken = randomUUID().slice(0, 6);
let counter = 0;
const nextId = () => `${runToken}-${++counter}`;

export function buildPerson(overrides: Partial<NewPerson> = {}): NewPerson {
  const id = nextId();
  return { email: `person-${id}@example.test`, name: `Person ${id}`, title: "Engineer", team: "Platform", ...overrides };
}

export function buildSource(overrides: Partial<NewSource> = {}): NewSource {
  return { kind: "inventory_file", name: `Source ${nextId()}`, config: {}, ...overrides };
}

export function buildSecret(args: Partial<NewSecret> & { sourceId: string }): NewSecret {
  const id = nextId();
  return { externalId: `test/secret-${id}`, name: `test/secret-${id}`, ...args };
}

export function buildConsumer(overrides: Partial<NewConsumer> = {}): NewConsumer {
  return { name: `service-${nextId()}`, kind: "service", ...overrides };
}

export function buildLocation(args: Partial<NewLocation> & { secretId: string }): NewLocation {
  return { kind: "store", place: `Place ${nextId()}`, sanctioned: true, ...args };
}

export async function createPerson(db: Queryable, overrides: Partial<NewPerson> = {}): Promise<Person> {
  const [row] = await db.insert(people).values(buildPerson(overrides)).returning();
  return row as Person;
}

export async function createSource(db: Queryable, overrides: Partial<NewSource> = {}): Promise<Source> {
  const [row] = await db.insert(sources).values(buildSource(overrides)).returning();
  return row as Source;
}

export async function createSecret(db: Queryable, args: Partial<NewSecret> & { sourceId: string }): Promise<Secret> {
  const [row] = await db.insert(secrets).values(buildSecret(args)).returning();
  return row as Secret;
}

export async function assignRole(
  db: Queryable,
  args: { secretId: string; role: OwnershipRole; personId: string; assignedBy?: string | null; assignedAt?: Date },
): Promise<RoleAssignment> {
  const [row] = await db.insert(roleAssignments).values(args).returning();
  return row as RoleAssignment;
}

export async function createConsumer(db: Queryable, overrides: Partial<NewConsumer> = {}): Promise<Consumer> {
  const [row] = await db.insert(consumers).values(buildConsumer(overrides)).returning();
  return row as Consumer;
}

export async function linkConsumer(db: Queryable, args: { secretId: string; consumerId: string }): Promise<void> {
  await db.insert(secretConsumers).values(args);
}

export async function createLocation(
  db: Queryable,
  args: Partial<NewLocation> & { secretId: string },
): Promise<Location> {
  const [row] = await db.insert(locations).values(buildLocation(args)).returning();
  return row as Location;
}
