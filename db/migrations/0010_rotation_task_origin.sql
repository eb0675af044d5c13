ALTER TABLE "rotation_tasks" DROP CONSTRAINT "rotation_tasks_due_basis";--> statement-breakpoint
ALTER TABLE "rotation_tasks" ADD COLUMN "opened_via" text;--> statement-breakpoint
ALTER TABLE "rotation_tasks" ADD COLUMN "opened_by" uuid;--> statement-breakpoint
ALTER TABLE "rotation_tasks" ADD COLUMN "follows_task_id" uuid;--> statement-breakpoint
ALTER TABLE "rotation_tasks" ADD CONSTRAINT "rotation_tasks_opened_by_people_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rotation_tasks" ADD CONSTRAINT "rotation_tasks_follows_task_id_rotation_tasks_id_fk" FOREIGN KEY ("follows_task_id") REFERENCES "public"."rotation_tasks"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rotation_tasks" ADD CONSTRAINT "rotation_tasks_opened_via" CHECK ("rotation_tasks"."opened_via" is null or "rotation_tasks"."opened_via" in ('daily_job', 'policy_change', 'settings_change', 'override', 'owner_change'));--> statement-breakpoint
ALTER TABLE "rotation_tasks" ADD CONSTRAINT "rotation_tasks_due_basis" CHECK ("rotation_tasks"."due_basis" is null or "rotation_tasks"."due_basis" in ('last_rotated', 'skipped', 'created_in_source', 'registered'));