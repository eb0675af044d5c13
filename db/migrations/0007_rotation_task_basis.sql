ALTER TABLE "rotation_tasks" ADD COLUMN "due_basis" text;--> statement-breakpoint
ALTER TABLE "rotation_tasks" ADD COLUMN "basis_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "rotation_tasks" ADD COLUMN "opened_version_count" integer;--> statement-breakpoint
ALTER TABLE "rotation_tasks" ADD CONSTRAINT "rotation_tasks_due_basis" CHECK ("rotation_tasks"."due_basis" is null or "rotation_tasks"."due_basis" in ('last_rotated', 'created_in_source', 'registered'));