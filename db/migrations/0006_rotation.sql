CREATE TYPE "public"."reminder_channel" AS ENUM('email', 'slack');--> statement-breakpoint
CREATE TYPE "public"."rotation_task_kind" AS ENUM('scheduled', 'rotate_now');--> statement-breakpoint
CREATE TYPE "public"."rotation_task_status" AS ENUM('open', 'acknowledged', 'awaiting_approval', 'done', 'skipped');--> statement-breakpoint
CREATE TABLE "calendar_feeds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"scope" text NOT NULL,
	"person_id" uuid,
	"team" text,
	"prefix" text NOT NULL,
	"token_hash" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_fetched_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "calendar_feeds_scope" CHECK (("calendar_feeds"."scope" = 'person' and "calendar_feeds"."person_id" is not null and "calendar_feeds"."team" is null) or ("calendar_feeds"."scope" = 'team' and "calendar_feeds"."team" is not null and "calendar_feeds"."person_id" is null))
);
--> statement-breakpoint
CREATE TABLE "reminder_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"channel" "reminder_channel" NOT NULL,
	"digest_date" date NOT NULL,
	"task_count" integer NOT NULL,
	"escalations" integer DEFAULT 0 NOT NULL,
	"status" text NOT NULL,
	"error" text,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reminder_deliveries_status" CHECK ("reminder_deliveries"."status" in ('sent', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "reminder_unsubscribes" (
	"person_id" uuid NOT NULL,
	"channel" "reminder_channel" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reminder_unsubscribes_person_id_channel_pk" PRIMARY KEY("person_id","channel")
);
--> statement-breakpoint
CREATE TABLE "rotation_overrides" (
	"secret_id" uuid PRIMARY KEY NOT NULL,
	"interval_days" integer,
	"grace_days" integer,
	"exempt" boolean DEFAULT false NOT NULL,
	"reason" text NOT NULL,
	"set_by" uuid,
	"set_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rotation_overrides_interval" CHECK ("rotation_overrides"."interval_days" is null or "rotation_overrides"."interval_days" between 1 and 3650),
	CONSTRAINT "rotation_overrides_grace" CHECK ("rotation_overrides"."grace_days" is null or "rotation_overrides"."grace_days" >= 0),
	CONSTRAINT "rotation_overrides_reason" CHECK (length(trim("rotation_overrides"."reason")) > 0)
);
--> statement-breakpoint
CREATE TABLE "rotation_policies" (
	"tier" integer NOT NULL,
	"environment" "environment" NOT NULL,
	"interval_days" integer NOT NULL,
	"grace_days" integer NOT NULL,
	"requires_approval" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "rotation_policies_tier_environment_pk" PRIMARY KEY("tier","environment"),
	CONSTRAINT "rotation_policies_tier" CHECK ("rotation_policies"."tier" between 1 and 4),
	CONSTRAINT "rotation_policies_interval" CHECK ("rotation_policies"."interval_days" between 1 and 3650),
	CONSTRAINT "rotation_policies_grace" CHECK ("rotation_policies"."grace_days" >= 0 and "rotation_policies"."grace_days" < "rotation_policies"."interval_days")
);
--> statement-breakpoint
CREATE TABLE "rotation_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"lead_days" integer DEFAULT 14 NOT NULL,
	"escalate_after_days" integer DEFAULT 3 NOT NULL,
	"engineer_hours_per_month" integer DEFAULT 8 NOT NULL,
	"minutes_per_rotation" integer DEFAULT 30 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "rotation_settings_single" CHECK ("rotation_settings"."id" = 1),
	CONSTRAINT "rotation_settings_lead" CHECK ("rotation_settings"."lead_days" between 0 and 90),
	CONSTRAINT "rotation_settings_escalate" CHECK ("rotation_settings"."escalate_after_days" between 0 and 90),
	CONSTRAINT "rotation_settings_hours" CHECK ("rotation_settings"."engineer_hours_per_month" >= 0),
	CONSTRAINT "rotation_settings_minutes" CHECK ("rotation_settings"."minutes_per_rotation" between 1 and 1440)
);
--> statement-breakpoint
CREATE TABLE "rotation_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"secret_id" uuid NOT NULL,
	"kind" "rotation_task_kind" DEFAULT 'scheduled' NOT NULL,
	"reason" text,
	"status" "rotation_task_status" DEFAULT 'open' NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"grace_until" timestamp with time zone NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"assignee_id" uuid,
	"assignee_role" text,
	"requires_approval" boolean DEFAULT false NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" uuid,
	"completed_at" timestamp with time zone,
	"completed_by" uuid,
	"completion" text,
	"note" text,
	"approved_at" timestamp with time zone,
	"approved_by" uuid,
	"skipped_reason" text,
	"sequence" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rotation_tasks_completion" CHECK ("rotation_tasks"."completion" is null or "rotation_tasks"."completion" in ('auto', 'manual')),
	CONSTRAINT "rotation_tasks_assignee_role" CHECK ("rotation_tasks"."assignee_role" is null or "rotation_tasks"."assignee_role" in ('operator', 'approver')),
	CONSTRAINT "rotation_tasks_skip_reason" CHECK ("rotation_tasks"."status" <> 'skipped' or length(trim(coalesce("rotation_tasks"."skipped_reason", ''))) > 0),
	CONSTRAINT "rotation_tasks_grace" CHECK ("rotation_tasks"."grace_until" >= "rotation_tasks"."due_at")
);
--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_deliveries" ADD CONSTRAINT "reminder_deliveries_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_unsubscribes" ADD CONSTRAINT "reminder_unsubscribes_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rotation_overrides" ADD CONSTRAINT "rotation_overrides_secret_id_secrets_id_fk" FOREIGN KEY ("secret_id") REFERENCES "public"."secrets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rotation_overrides" ADD CONSTRAINT "rotation_overrides_set_by_people_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rotation_policies" ADD CONSTRAINT "rotation_policies_updated_by_people_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rotation_settings" ADD CONSTRAINT "rotation_settings_updated_by_people_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rotation_tasks" ADD CONSTRAINT "rotation_tasks_secret_id_secrets_id_fk" FOREIGN KEY ("secret_id") REFERENCES "public"."secrets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rotation_tasks" ADD CONSTRAINT "rotation_tasks_assignee_id_people_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rotation_tasks" ADD CONSTRAINT "rotation_tasks_acknowledged_by_people_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rotation_tasks" ADD CONSTRAINT "rotation_tasks_completed_by_people_id_fk" FOREIGN KEY ("completed_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rotation_tasks" ADD CONSTRAINT "rotation_tasks_approved_by_people_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_feeds_hash_key" ON "calendar_feeds" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "calendar_feeds_person_idx" ON "calendar_feeds" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reminder_deliveries_day_key" ON "reminder_deliveries" USING btree ("person_id","channel","digest_date");--> statement-breakpoint
CREATE UNIQUE INDEX "rotation_tasks_active_scheduled_key" ON "rotation_tasks" USING btree ("secret_id") WHERE "rotation_tasks"."kind" = 'scheduled' and "rotation_tasks"."status" in ('open', 'acknowledged', 'awaiting_approval');--> statement-breakpoint
CREATE INDEX "rotation_tasks_due_idx" ON "rotation_tasks" USING btree ("due_at","id");--> statement-breakpoint
CREATE INDEX "rotation_tasks_assignee_idx" ON "rotation_tasks" USING btree ("assignee_id","status","due_at");--> statement-breakpoint
CREATE INDEX "rotation_tasks_secret_idx" ON "rotation_tasks" USING btree ("secret_id","opened_at");--> statement-breakpoint
-- Defaults: stricter for tier-1 production (90 days, approver signs off), looser down the tiers and environments.
INSERT INTO "rotation_settings" ("id") VALUES (1);--> statement-breakpoint
INSERT INTO "rotation_policies" ("tier", "environment", "interval_days", "grace_days", "requires_approval") VALUES
  (1, 'prod', 90, 7, true), (1, 'staging', 180, 14, false), (1, 'dev', 365, 30, false),
  (2, 'prod', 180, 14, false), (2, 'staging', 365, 30, false), (2, 'dev', 365, 30, false),
  (3, 'prod', 365, 30, false), (3, 'staging', 365, 30, false), (3, 'dev', 365, 30, false),
  (4, 'prod', 365, 30, false), (4, 'staging', 730, 60, false), (4, 'dev', 730, 60, false);
