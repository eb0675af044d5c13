CREATE TABLE "auth_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"provider" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"ended_reason" text
);
--> statement-breakpoint
CREATE TABLE "sign_in_attempts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"provider" text NOT NULL,
	"address" text,
	"account" text,
	"succeeded" boolean NOT NULL
);
--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "demo_persona" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "rotation_tasks" ADD COLUMN "skipped_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "rotation_tasks" ADD COLUMN "skipped_by" uuid;--> statement-breakpoint
ALTER TABLE "auth_sessions" ADD CONSTRAINT "auth_sessions_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "auth_sessions_person_idx" ON "auth_sessions" USING btree ("person_id","ended_at");--> statement-breakpoint
CREATE INDEX "sign_in_attempts_address_idx" ON "sign_in_attempts" USING btree ("address","at");--> statement-breakpoint
CREATE INDEX "sign_in_attempts_account_idx" ON "sign_in_attempts" USING btree ("account","at");--> statement-breakpoint
ALTER TABLE "rotation_tasks" ADD CONSTRAINT "rotation_tasks_skipped_by_people_id_fk" FOREIGN KEY ("skipped_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
-- A demo company seeded before this migration: its five sign-in personas keep working.
UPDATE "people" SET "demo_persona" = true
WHERE lower("email") IN ('maya@lumenpay.example', 'sam@lumenpay.example', 'priya@lumenpay.example', 'leo@lumenpay.example', 'erin@lumenpay.example')
  AND EXISTS (SELECT 1 FROM "app_meta" WHERE "key" = 'demo_seeded_at');
