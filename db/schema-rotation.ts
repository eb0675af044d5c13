// Rotation: policies (interval and grace by tier × environment), per-secret overrides, the tasks
// that put each due rotation on a named person, the calendar feeds owners subscribe to, and the
// reminders sent about them. Split from db/schema.ts (the registry), which it refers to.
import { sql } from "drizzle-orm";
import { type AnyPgColumn, boolean, check, date, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { environment, people, secrets } from "@/db/schema";

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

// open → acknowledged → done, or skipped with a reason. A tier-1 task whose policy requires the
// approver's sign-off waits in awaiting_approval between the operator's "done" and the sign-off.
export const rotationTaskStatus = pgEnum("rotation_task_status", ["open", "acknowledged", "awaiting_approval", "done", "skipped"]);
// scheduled: opened ahead of a policy due date. rotate_now: opened by an event (offboarding, a leak).
export const rotationTaskKind = pgEnum("rotation_task_kind", ["scheduled", "rotate_now"]);
export const reminderChannel = pgEnum("reminder_channel", ["email", "slack"]);

// One row per tier × environment. A secret with an unknown tier or environment is held to the
// strictest row that could apply (unknown raises risk); short-lived credentials are exempt.
export const rotationPolicies = pgTable(
  "rotation_policies",
  {
    tier: integer("tier").notNull(),
    environment: environment("environment").notNull(),
    intervalDays: integer("interval_days").notNull(),
    graceDays: integer("grace_days").notNull(),
    // Tier-1 production by default: the approver signs off a manual "done".
    requiresApproval: boolean("requires_approval").notNull().default(false),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid("updated_by").references(() => people.id, { onDelete: "set null" }),
  },
  (t) => [
    primaryKey({ columns: [t.tier, t.environment] }),
    check("rotation_policies_tier", sql`${t.tier} between 1 and 4`),
    check("rotation_policies_interval", sql`${t.intervalDays} between 1 and 3650`),
    check("rotation_policies_grace", sql`${t.graceDays} >= 0 and ${t.graceDays} < ${t.intervalDays}`),
  ],
);

// A per-secret exception to its policy, always with a reason: a different interval/grace, or exempt.
export const rotationOverrides = pgTable(
  "rotation_overrides",
  {
    secretId: uuid("secret_id")
      .primaryKey()
      .references(() => secrets.id, { onDelete: "cascade" }),
    intervalDays: integer("interval_days"),
    graceDays: integer("grace_days"),
    exempt: boolean("exempt").notNull().default(false),
    reason: text("reason").notNull(),
    setBy: uuid("set_by").references(() => people.id, { onDelete: "set null" }),
    setAt: timestamp("set_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("rotation_overrides_interval", sql`${t.intervalDays} is null or ${t.intervalDays} between 1 and 3650`),
    check("rotation_overrides_grace", sql`${t.graceDays} is null or ${t.graceDays} >= 0`),
    check("rotation_overrides_reason", sql`length(trim(${t.reason})) > 0`),
  ],
);

// Installation-wide rotation settings (one row, id = 1): how far ahead tasks open, when an
// overdue task escalates to the approver, and the capacity calculator's inputs.
export const rotationSettings = pgTable(
  "rotation_settings",
  {
    id: integer("id").primaryKey().default(1),
    leadDays: integer("lead_days").notNull().default(14),
    escalateAfterDays: integer("escalate_after_days").notNull().default(3),
    engineerHoursPerMonth: integer("engineer_hours_per_month").notNull().default(8),
    minutesPerRotation: integer("minutes_per_rotation").notNull().default(30),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid("updated_by").references(() => people.id, { onDelete: "set null" }),
  },
  (t) => [
    check("rotation_settings_single", sql`${t.id} = 1`),
    check("rotation_settings_lead", sql`${t.leadDays} between 0 and 90`),
    check("rotation_settings_escalate", sql`${t.escalateAfterDays} between 0 and 90`),
    check("rotation_settings_hours", sql`${t.engineerHoursPerMonth} >= 0`),
    check("rotation_settings_minutes", sql`${t.minutesPerRotation} between 1 and 1440`),
  ],
);

export const rotationTasks = pgTable(
  "rotation_tasks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    secretId: uuid("secret_id")
      .notNull()
      .references(() => secrets.id, { onDelete: "cascade" }),
    kind: rotationTaskKind("kind").notNull().default("scheduled"),
    // Why a rotate-now task exists ("Offboarding of Dana: held operator"); null for scheduled ones.
    reason: text("reason"),
    status: rotationTaskStatus("status").notNull().default("open"),
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
    // due + grace: past it the rotation is out of policy, not just late.
    graceUntil: timestamp("grace_until", { withTimezone: true }).notNull(),
    openedAt: timestamp("opened_at", { withTimezone: true }).notNull().defaultNow(),
    // What the due date was counted from (scheduled tasks): the later of the last rotation (store
    // or recorded) and the last skip, else its creation in the store, else when Keyledger registered
    // the secret; null for rotate-now tasks.
    dueBasis: text("due_basis"),
    basisAt: timestamp("basis_at", { withTimezone: true }),
    // Why a scheduled task opened, for its history: the daily job, or a change by `opened_by` (a
    // policy, the settings, an override, an owner). Null: opened before this was recorded.
    openedVia: text("opened_via"),
    openedBy: uuid("opened_by").references(() => people.id, { onDelete: "set null" }),
    // due_basis 'skipped': the skipped task this one comes after.
    followsTaskId: uuid("follows_task_id").references((): AnyPgColumn => rotationTasks.id, { onDelete: "set null" }),
    // The store's version count when the task opened: a higher one later confirms the rotation.
    openedVersionCount: integer("opened_version_count"),
    // The operator, else the approver; null is a gap the task itself shows.
    assigneeId: uuid("assignee_id").references(() => people.id, { onDelete: "set null" }),
    assigneeRole: text("assignee_role"),
    requiresApproval: boolean("requires_approval").notNull().default(false),
    acknowledgedAt: timestamp("acknowledged_at", { withTimezone: true }),
    acknowledgedBy: uuid("acknowledged_by").references(() => people.id, { onDelete: "set null" }),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    completedBy: uuid("completed_by").references(() => people.id, { onDelete: "set null" }),
    // auto: the store showed a newer version or rotation date after the task opened.
    completion: text("completion"),
    note: text("note"),
    approvedAt: timestamp("approved_at", { withTimezone: true }),
    approvedBy: uuid("approved_by").references(() => people.id, { onDelete: "set null" }),
    skippedReason: text("skipped_reason"),
    skippedAt: timestamp("skipped_at", { withTimezone: true }),
    skippedBy: uuid("skipped_by").references(() => people.id, { onDelete: "set null" }),
    // Bumped on every change the calendar feed shows (RFC 5545 SEQUENCE).
    sequence: integer("sequence").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // At most one scheduled task in flight per secret.
    uniqueIndex("rotation_tasks_active_scheduled_key").on(t.secretId).where(sql`${t.kind} = 'scheduled' and ${t.status} in ('open', 'acknowledged', 'awaiting_approval')`),
    index("rotation_tasks_due_idx").on(t.dueAt, t.id),
    index("rotation_tasks_assignee_idx").on(t.assigneeId, t.status, t.dueAt),
    index("rotation_tasks_secret_idx").on(t.secretId, t.openedAt),
    check("rotation_tasks_completion", sql`${t.completion} is null or ${t.completion} in ('auto', 'manual')`),
    check("rotation_tasks_assignee_role", sql`${t.assigneeRole} is null or ${t.assigneeRole} in ('operator', 'approver')`),
    check("rotation_tasks_skip_reason", sql`${t.status} <> 'skipped' or length(trim(coalesce(${t.skippedReason}, ''))) > 0`),
    check("rotation_tasks_grace", sql`${t.graceUntil} >= ${t.dueAt}`),
    check("rotation_tasks_due_basis", sql`${t.dueBasis} is null or ${t.dueBasis} in ('last_rotated', 'skipped', 'created_in_source', 'registered')`),
    check("rotation_tasks_opened_via", sql`${t.openedVia} is null or ${t.openedVia} in ('daily_job', 'policy_change', 'settings_change', 'override', 'owner_change')`),
  ],
);

// Calendar (ICS) feeds: a person's tasks or a team's. Only a SHA-256 of the URL token is kept;
// the URL is shown when the feed is created or regenerated. Revoked feeds answer 404/410.
export const calendarFeeds = pgTable(
  "calendar_feeds",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    scope: text("scope").notNull(),
    personId: uuid("person_id").references(() => people.id, { onDelete: "cascade" }),
    team: text("team"),
    prefix: text("prefix").notNull(),
    tokenHash: text("token_hash").notNull(),
    createdBy: uuid("created_by").references(() => people.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    lastFetchedAt: timestamp("last_fetched_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("calendar_feeds_hash_key").on(t.tokenHash),
    index("calendar_feeds_person_idx").on(t.personId),
    check("calendar_feeds_scope", sql`(${t.scope} = 'person' and ${t.personId} is not null and ${t.team} is null) or (${t.scope} = 'team' and ${t.team} is not null and ${t.personId} is null)`),
  ],
);

// A person who turned a reminder channel off. Absent row: the channel is on.
export const reminderUnsubscribes = pgTable(
  "reminder_unsubscribes",
  {
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    channel: reminderChannel("channel").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.channel] })],
);

// One digest per person, channel and day: a re-run of the reminder job sends nothing twice.
export const reminderDeliveries = pgTable(
  "reminder_deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    channel: reminderChannel("channel").notNull(),
    digestDate: date("digest_date").notNull(),
    taskCount: integer("task_count").notNull(),
    escalations: integer("escalations").notNull().default(0),
    status: text("status").notNull(),
    error: text("error"),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("reminder_deliveries_day_key").on(t.personId, t.channel, t.digestDate),
    check("reminder_deliveries_status", sql`${t.status} in ('sent', 'failed')`),
  ],
);
