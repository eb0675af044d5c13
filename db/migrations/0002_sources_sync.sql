CREATE TYPE "public"."source_status" AS ENUM('never_synced', 'ok', 'stale');--> statement-breakpoint
CREATE TYPE "public"."sync_status" AS ENUM('queued', 'running', 'succeeded', 'failed');--> statement-breakpoint
CREATE TABLE "sync_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source_id" uuid NOT NULL,
	"trigger" text NOT NULL,
	"status" "sync_status" DEFAULT 'queued' NOT NULL,
	"requested_by" text,
	"queued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"listed" integer DEFAULT 0 NOT NULL,
	"added" integer DEFAULT 0 NOT NULL,
	"changed" integer DEFAULT 0 NOT NULL,
	"missing" integer DEFAULT 0 NOT NULL,
	"error_code" text,
	"error" text
);
--> statement-breakpoint
ALTER TABLE "secrets" ADD COLUMN "next_rotation_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "secrets" ADD COLUMN "source_fingerprint" text;--> statement-breakpoint
ALTER TABLE "sources" ADD COLUMN "status" "source_status" DEFAULT 'never_synced' NOT NULL;--> statement-breakpoint
ALTER TABLE "sources" ADD COLUMN "last_error" text;--> statement-breakpoint
ALTER TABLE "sources" ADD COLUMN "sync_interval_minutes" integer DEFAULT 60 NOT NULL;--> statement-breakpoint
ALTER TABLE "sources" ADD COLUMN "tag_keys" jsonb;--> statement-breakpoint
ALTER TABLE "sync_runs" ADD CONSTRAINT "sync_runs_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sync_runs_source_idx" ON "sync_runs" USING btree ("source_id","queued_at");--> statement-breakpoint
ALTER TABLE "sources" ADD CONSTRAINT "sources_sync_interval" CHECK ("sources"."sync_interval_minutes" between 5 and 10080);