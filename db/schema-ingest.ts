// Access-event plumbing: ingest runs, checkpoints, quarantine, findings the logs reveal, and the
// API tokens log shippers use. Split from db/schema.ts (the registry), which it refers to.
import { sql } from "drizzle-orm";
import { bigint, boolean, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { people, secrets } from "@/db/schema";

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

// Problems the scanners and the logs reveal, e.g. a secret seen in an access log that the
// registry does not know ("unregistered secret seen in access log": sprawl the stores revealed).
export const findings = pgTable(
  "findings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").notNull(),
    status: text("status").notNull().default("open"),
    title: text("title").notNull(),
    // The place or reference, never content: a secret's name or ARN as a log names it.
    subject: text("subject").notNull(),
    sourceKind: text("source_kind"),
    secretId: uuid("secret_id").references(() => secrets.id, { onDelete: "set null" }),
    occurrences: integer("occurrences").notNull().default(1),
    firstSeenAt: timestamp("first_seen_at", { withTimezone: true }).notNull(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("findings_kind_subject_key").on(t.kind, t.subject), check("findings_status", sql`${t.status} in ('open', 'resolved', 'ignored')`)],
);

// One run of `keyledger ingest` or an upload, with counts that reconcile:
// read = ingested + duplicates + skipped + quarantined.
export const ingestRuns = pgTable("ingest_runs", {
  id: uuid("id").primaryKey().defaultRandom(),
  format: text("format").notNull(),
  trigger: text("trigger").notNull(),
  files: jsonb("files").$type<string[]>().notNull().default([]),
  startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp("finished_at", { withTimezone: true }),
  read: bigint("read", { mode: "number" }).notNull().default(0),
  ingested: bigint("ingested", { mode: "number" }).notNull().default(0),
  duplicates: bigint("duplicates", { mode: "number" }).notNull().default(0),
  skipped: bigint("skipped", { mode: "number" }).notNull().default(0),
  quarantined: bigint("quarantined", { mode: "number" }).notNull().default(0),
});

// How far ingest got in a file, committed with each batch: a run killed mid-file and started
// again resumes after the last committed record — nothing lost, nothing twice.
export const ingestCheckpoints = pgTable("ingest_checkpoints", {
  fileKey: text("file_key").primaryKey(),
  format: text("format").notNull(),
  file: text("file").notNull(),
  recordsDone: bigint("records_done", { mode: "number" }).notNull().default(0),
  ingested: bigint("ingested", { mode: "number" }).notNull().default(0),
  duplicates: bigint("duplicates", { mode: "number" }).notNull().default(0),
  skipped: bigint("skipped", { mode: "number" }).notNull().default(0),
  quarantined: bigint("quarantined", { mode: "number" }).notNull().default(0),
  completed: boolean("completed").notNull().default(false),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

// Records ingest could not read, with where they were and why (reason redacted of token-like text).
export const quarantinedRecords = pgTable(
  "quarantined_records",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    runId: uuid("run_id").references(() => ingestRuns.id, { onDelete: "cascade" }),
    format: text("format").notNull(),
    file: text("file").notNull(),
    line: integer("line"),
    recordIndex: integer("record_index"),
    reason: text("reason").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("quarantined_records_run_idx").on(t.runId)],
);

// API tokens for machines (CI jobs, log shippers). Only a SHA-256 of the token is kept; the token
// itself is shown once, when it is created. Scoped: today the only scope is "ingest".
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    prefix: text("prefix").notNull(),
    tokenHash: text("token_hash").notNull(),
    scopes: jsonb("scopes").$type<string[]>().notNull(),
    createdBy: uuid("created_by").references(() => people.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("api_tokens_hash_key").on(t.tokenHash)],
);

// Every distinct actor and secret reference the access log has seen: a small table that free-text
// search matches first, so the log itself is filtered by equality instead of a pattern on each row.
// Kept by every writer of access events (ingest, Keyledger's own events, the seed).
export const accessEventSubjects = pgTable(
  "access_event_subjects",
  {
    kind: text("kind").notNull(),
    subject: text("subject").notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.subject] }), check("access_event_subjects_kind", sql`${t.kind} in ('actor', 'secret_ref')`)],
);
