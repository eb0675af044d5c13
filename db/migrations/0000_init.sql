CREATE TYPE "public"."app_role" AS ENUM('admin', 'owner', 'founder', 'sales', 'auditor');--> statement-breakpoint
CREATE TYPE "public"."consumer_kind" AS ENUM('service', 'ci_pipeline', 'job', 'saas_integration');--> statement-breakpoint
CREATE TYPE "public"."employment" AS ENUM('employee', 'contractor');--> statement-breakpoint
CREATE TYPE "public"."environment" AS ENUM('prod', 'staging', 'dev');--> statement-breakpoint
CREATE TYPE "public"."lifetime" AS ENUM('static', 'short_lived');--> statement-breakpoint
CREATE TYPE "public"."location_kind" AS ENUM('store', 'repo_file', 'ci_variable', 'laptop', 'saas_tool', 'chat', 'backup');--> statement-breakpoint
CREATE TYPE "public"."ownership_role" AS ENUM('creator', 'operator', 'approver', 'incident_commander');--> statement-breakpoint
CREATE TYPE "public"."person_status" AS ENUM('active', 'offboarded');--> statement-breakpoint
CREATE TYPE "public"."privilege" AS ENUM('admin', 'write', 'read');--> statement-breakpoint
CREATE TYPE "public"."secret_kind" AS ENUM('api_key', 'database_credential', 'oauth_client', 'signing_key', 'access_token', 'webhook_secret', 'certificate', 'ssh_key', 'password', 'encryption_key');--> statement-breakpoint
CREATE TYPE "public"."source_kind" AS ENUM('aws_secrets_manager', 'vault', 'gcp_secret_manager', 'azure_key_vault', 'doppler', 'onepassword', 'infisical', 'kubernetes', 'github_actions', 'sops', 'inventory_file');--> statement-breakpoint
CREATE TABLE "access_events" (
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "access_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"occurred_at" timestamp with time zone NOT NULL,
	"source_kind" text NOT NULL,
	"raw_id" text NOT NULL,
	"secret_id" uuid,
	"secret_ref" text,
	"action" text NOT NULL,
	"raw_action" text NOT NULL,
	"result" text NOT NULL,
	"error_code" text,
	"actor" text NOT NULL,
	"actor_type" text NOT NULL,
	"auth_source" text,
	"source_ip" text,
	"user_agent" text,
	"detail" jsonb,
	CONSTRAINT "access_events_source_kind_raw_id_occurred_at_pk" PRIMARY KEY("source_kind","raw_id","occurred_at")
) PARTITION BY RANGE ("occurred_at");
--> statement-breakpoint
CREATE TABLE "app_meta" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consumers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" "consumer_kind" NOT NULL,
	"team" text,
	"description" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "locations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"secret_id" uuid NOT NULL,
	"kind" "location_kind" NOT NULL,
	"place" text NOT NULL,
	"sanctioned" boolean NOT NULL,
	"person_id" uuid,
	"found_by" text DEFAULT 'declared' NOT NULL,
	"found_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "people" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"title" text,
	"team" text,
	"role" "app_role" DEFAULT 'owner' NOT NULL,
	"employment" "employment" DEFAULT 'employee' NOT NULL,
	"status" "person_status" DEFAULT 'active' NOT NULL,
	"offboarded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "role_assignments" (
	"secret_id" uuid NOT NULL,
	"role" "ownership_role" NOT NULL,
	"person_id" uuid NOT NULL,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL,
	"assigned_by" uuid,
	CONSTRAINT "role_assignments_secret_id_role_pk" PRIMARY KEY("secret_id","role")
);
--> statement-breakpoint
CREATE TABLE "secret_consumers" (
	"secret_id" uuid NOT NULL,
	"consumer_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "secret_consumers_secret_id_consumer_id_pk" PRIMARY KEY("secret_id","consumer_id")
);
--> statement-breakpoint
CREATE TABLE "secrets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source_id" uuid NOT NULL,
	"external_id" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"environment" "environment",
	"kind" "secret_kind",
	"provider" text,
	"tier" integer,
	"privilege" "privilege",
	"lifetime" "lifetime",
	"ttl_seconds" integer,
	"created_in_source_at" timestamp with time zone,
	"last_rotated_at" timestamp with time zone,
	"last_accessed_at" timestamp with time zone,
	"version_count" integer,
	"tags" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"revoke_path" text,
	"missing_since" timestamp with time zone,
	"unknown_count" integer GENERATED ALWAYS AS ((description is null)::int + (environment is null)::int + (kind is null)::int
          + (provider is null)::int + (tier is null)::int + (privilege is null)::int
          + (lifetime is null)::int + (created_in_source_at is null)::int
          + (last_rotated_at is null)::int + (revoke_path is null)::int) STORED NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "secrets_tier_range" CHECK ("secrets"."tier" between 1 and 4),
	CONSTRAINT "secrets_ttl_positive" CHECK ("secrets"."ttl_seconds" > 0)
);
--> statement-breakpoint
CREATE TABLE "sources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "source_kind" NOT NULL,
	"name" text NOT NULL,
	"config" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"last_synced_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "locations" ADD CONSTRAINT "locations_secret_id_secrets_id_fk" FOREIGN KEY ("secret_id") REFERENCES "public"."secrets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "locations" ADD CONSTRAINT "locations_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_assignments" ADD CONSTRAINT "role_assignments_secret_id_secrets_id_fk" FOREIGN KEY ("secret_id") REFERENCES "public"."secrets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_assignments" ADD CONSTRAINT "role_assignments_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_assignments" ADD CONSTRAINT "role_assignments_assigned_by_people_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "secret_consumers" ADD CONSTRAINT "secret_consumers_secret_id_secrets_id_fk" FOREIGN KEY ("secret_id") REFERENCES "public"."secrets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "secret_consumers" ADD CONSTRAINT "secret_consumers_consumer_id_consumers_id_fk" FOREIGN KEY ("consumer_id") REFERENCES "public"."consumers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "secrets" ADD CONSTRAINT "secrets_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "access_events_secret_idx" ON "access_events" USING btree ("secret_id","occurred_at");--> statement-breakpoint
CREATE INDEX "access_events_occurred_idx" ON "access_events" USING btree ("occurred_at");--> statement-breakpoint
CREATE UNIQUE INDEX "consumers_name_key" ON "consumers" USING btree ("name");--> statement-breakpoint
CREATE UNIQUE INDEX "locations_secret_place_key" ON "locations" USING btree ("secret_id","kind","place");--> statement-breakpoint
CREATE UNIQUE INDEX "people_email_key" ON "people" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "role_assignments_person_idx" ON "role_assignments" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "secret_consumers_consumer_idx" ON "secret_consumers" USING btree ("consumer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "secrets_source_external_key" ON "secrets" USING btree ("source_id","external_id");--> statement-breakpoint
CREATE INDEX "secrets_name_idx" ON "secrets" USING btree ("name","id");--> statement-breakpoint
CREATE INDEX "secrets_tier_idx" ON "secrets" USING btree ("tier","id");--> statement-breakpoint
CREATE UNIQUE INDEX "sources_name_key" ON "sources" USING btree ("name");