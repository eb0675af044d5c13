// The registry: what Keyledger knows about secrets that no store knows.
// Rule 1 holds here (docs/architecture.md, rule 1): no column anywhere can hold a secret value.
// Secrets are described by metadata only; db/schema.integration.test.ts checks every column name
// against that rule.
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { CONSUMER_KINDS, ENVIRONMENTS, LIFETIMES, LOCATION_KINDS, PRIVILEGES, SECRET_KINDS, SOURCE_KIND_VALUES } from "@/lib/domain/registry-values";
import { APP_ROLES, OWNERSHIP_ROLES } from "@/lib/domain/roles";

export const appRole = pgEnum("app_role", APP_ROLES);
export const personStatus = pgEnum("person_status", ["active", "offboarded"]);
export const employment = pgEnum("employment", ["employee", "contractor"]);
export const sourceKind = pgEnum("source_kind", SOURCE_KIND_VALUES);
export const sourceStatus = pgEnum("source_status", ["never_synced", "ok", "stale"]);
export const syncStatus = pgEnum("sync_status", ["queued", "running", "succeeded", "failed"]);
export const environment = pgEnum("environment", ENVIRONMENTS);
export const secretKind = pgEnum("secret_kind", SECRET_KINDS);
export const privilege = pgEnum("privilege", PRIVILEGES);
export const lifetime = pgEnum("lifetime", LIFETIMES);
export const ownershipRole = pgEnum("ownership_role", OWNERSHIP_ROLES);
export const consumerKind = pgEnum("consumer_kind", CONSUMER_KINDS);
export const locationKind = pgEnum("location_kind", LOCATION_KINDS);

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

export const people = pgTable(
  "people",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    title: text("title"),
    team: text("team"),
    role: appRole("role").notNull().default("owner"),
    employment: employment("employment").notNull().default("employee"),
    status: personStatus("status").notNull().default("active"),
    offboardedAt: timestamp("offboarded_at", { withTimezone: true }),
    // Created by the demo seed as one of the sign-in page's personas: only they may use demo sign-in.
    demoPersona: boolean("demo_persona").notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("people_email_key").on(sql`lower(${t.email})`)],
);

export const sources = pgTable(
  "sources",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: sourceKind("kind").notNull(),
    name: text("name").notNull(),
    // Where the store is (region, address, project…). Never credentials: those come from the
    // environment or a mounted file (docs/architecture.md, rule 2).
    config: jsonb("config").$type<Record<string, unknown>>().notNull().default({}),
    enabled: boolean("enabled").notNull().default(true),
    // never_synced → ok | stale (the last sync failed: the data shown is from the last good one).
    status: sourceStatus("status").notNull().default("never_synced"),
    lastError: text("last_error"),
    syncIntervalMinutes: integer("sync_interval_minutes").notNull().default(60),
    // Which tag keys name owners, environment, tier and service (null: the defaults).
    tagKeys: jsonb("tag_keys").$type<Record<string, string[]>>(),
    lastSyncedAt: timestamp("last_synced_at", { withTimezone: true }),
    // Deleted from the Sources page: kept (disabled, renamed) so its secrets keep where they came from.
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
    deletedBy: text("deleted_by"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("sources_name_key").on(t.name), check("sources_sync_interval", sql`${t.syncIntervalMinutes} between 5 and 10080`)],
);

// One row per sync of a source: the history shown on the source page, and live progress.
export const syncRuns = pgTable(
  "sync_runs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    sourceId: uuid("source_id")
      .notNull()
      .references(() => sources.id, { onDelete: "cascade" }),
    trigger: text("trigger").notNull(),
    status: syncStatus("status").notNull().default("queued"),
    requestedBy: text("requested_by"),
    queuedAt: timestamp("queued_at", { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    listed: integer("listed").notNull().default(0),
    added: integer("added").notNull().default(0),
    changed: integer("changed").notNull().default(0),
    missing: integer("missing").notNull().default(0),
    errorCode: text("error_code"),
    error: text("error"),
  },
  (t) => [index("sync_runs_source_idx").on(t.sourceId, t.queuedAt)],
);

export const secrets = pgTable(
  "secrets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    sourceId: uuid("source_id")
      .notNull()
      .references(() => sources.id, { onDelete: "restrict" }),
    externalId: text("external_id").notNull(),
    name: text("name").notNull(),
    // Every nullable column below is "unknown" when null: shown, counted, and it raises risk.
    description: text("description"),
    environment: environment("environment"),
    kind: secretKind("kind"),
    provider: text("provider"),
    tier: integer("tier"),
    privilege: privilege("privilege"),
    lifetime: lifetime("lifetime"),
    ttlSeconds: integer("ttl_seconds"),
    createdInSourceAt: timestamp("created_in_source_at", { withTimezone: true }),
    lastRotatedAt: timestamp("last_rotated_at", { withTimezone: true }),
    lastAccessedAt: timestamp("last_accessed_at", { withTimezone: true }),
    versionCount: integer("version_count"),
    tags: jsonb("tags").$type<Record<string, string>>().notNull().default({}),
    revokePath: text("revoke_path"),
    nextRotationAt: timestamp("next_rotation_at", { withTimezone: true }),
    // A hash of what the store last reported, so a sync can tell changed from unchanged.
    sourceFingerprint: text("source_fingerprint"),
    missingSince: timestamp("missing_since", { withTimezone: true }),
    unknownCount: integer("unknown_count")
      .notNull()
      .generatedAlwaysAs(
        sql`(description is null)::int + (environment is null)::int + (kind is null)::int
          + (provider is null)::int + (tier is null)::int + (privilege is null)::int
          + (lifetime is null)::int + (created_in_source_at is null)::int
          + (last_rotated_at is null)::int + (revoke_path is null)::int`,
      ),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("secrets_source_external_key").on(t.sourceId, t.externalId),
    index("secrets_name_idx").on(t.name, t.id),
    index("secrets_tier_idx").on(t.tier, t.id),
    check("secrets_tier_range", sql`${t.tier} between 1 and 4`),
    check("secrets_ttl_positive", sql`${t.ttlSeconds} > 0`),
  ],
);

export const roleAssignments = pgTable(
  "role_assignments",
  {
    secretId: uuid("secret_id")
      .notNull()
      .references(() => secrets.id, { onDelete: "cascade" }),
    role: ownershipRole("role").notNull(),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "restrict" }),
    assignedAt: timestamp("assigned_at", { withTimezone: true }).notNull().defaultNow(),
    assignedBy: uuid("assigned_by").references(() => people.id, { onDelete: "set null" }),
  },
  (t) => [primaryKey({ columns: [t.secretId, t.role] }), index("role_assignments_person_idx").on(t.personId)],
);

export const consumers = pgTable(
  "consumers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    kind: consumerKind("kind").notNull(),
    team: text("team"),
    description: text("description"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("consumers_name_key").on(t.name)],
);

export const secretConsumers = pgTable(
  "secret_consumers",
  {
    secretId: uuid("secret_id")
      .notNull()
      .references(() => secrets.id, { onDelete: "cascade" }),
    consumerId: uuid("consumer_id")
      .notNull()
      .references(() => consumers.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.secretId, t.consumerId] }), index("secret_consumers_consumer_idx").on(t.consumerId)],
);

export const locations = pgTable(
  "locations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    secretId: uuid("secret_id")
      .notNull()
      .references(() => secrets.id, { onDelete: "cascade" }),
    kind: locationKind("kind").notNull(),
    // A place, never content: "acme/api:.env.production", "#eng-ops", "MacBook of Dana".
    place: text("place").notNull(),
    sanctioned: boolean("sanctioned").notNull(),
    personId: uuid("person_id").references(() => people.id, { onDelete: "set null" }),
    foundBy: text("found_by").notNull().default("declared"),
    foundAt: timestamp("found_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("locations_secret_place_key").on(t.secretId, t.kind, t.place)],
);

// Access events are partitioned by month on occurred_at. drizzle-kit cannot declare that, so the
// migration creating this table is edited by hand (db/migrations/0000_*.sql); this definition is
// what queries see. The de-duplication key is (source_kind, raw_id); a partitioned table's unique
// key must contain the partition column, and one raw event always has one occurred_at.
export const accessEvents = pgTable(
  "access_events",
  {
    id: bigint("id", { mode: "number" }).generatedAlwaysAsIdentity(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    sourceKind: text("source_kind").notNull(),
    rawId: text("raw_id").notNull(),
    secretId: uuid("secret_id"),
    secretRef: text("secret_ref"),
    action: text("action").notNull(),
    rawAction: text("raw_action").notNull(),
    result: text("result").notNull(),
    errorCode: text("error_code"),
    actor: text("actor").notNull(),
    actorType: text("actor_type").notNull(),
    authSource: text("auth_source"),
    sourceIp: text("source_ip"),
    userAgent: text("user_agent"),
    detail: jsonb("detail").$type<Record<string, unknown>>(),
  },
  (t) => [
    primaryKey({ columns: [t.sourceKind, t.rawId, t.occurredAt] }),
    index("access_events_secret_idx").on(t.secretId, t.occurredAt),
    // "First time this actor touched this secret": one probe per row of an access-log page.
    index("access_events_secret_actor_idx").on(t.secretId, t.actor, t.occurredAt),
    index("access_events_occurred_idx").on(t.occurredAt),
  ],
);

// Small key/value facts about this installation (seed version, when it was seeded).
export const appMeta = pgTable("app_meta", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export type Person = typeof people.$inferSelect;
export type Source = typeof sources.$inferSelect;
export type SyncRun = typeof syncRuns.$inferSelect;
export type Secret = typeof secrets.$inferSelect;
export type RoleAssignment = typeof roleAssignments.$inferSelect;
export type Consumer = typeof consumers.$inferSelect;
export type Location = typeof locations.$inferSelect;
export type AccessEvent = typeof accessEvents.$inferSelect;
export type { OwnershipRole } from "@/lib/domain/roles";
export type { AppRole } from "@/lib/domain/roles";
export { OWNERSHIP_ROLES };
