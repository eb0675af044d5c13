import "server-only";
// What every read of a rotation task shares — the API's task (rotation-task-json.ts), a reminder
// (lib/data/reminders/find-reminder-tasks.ts), a calendar feed's event (list-feed-tasks.ts) — so
// they select a task, and who may sign it off, the same way.
import { and, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { people, roleAssignments } from "@/db/schema";
import { rotationTasks } from "@/db/schema-rotation";
import { can, ROLES } from "@/lib/auth/permissions";

/** The task itself: what it is, where it stands, when it is due. */
export const taskColumns = {
  id: rotationTasks.id,
  kind: rotationTasks.kind,
  reason: rotationTasks.reason,
  status: rotationTasks.status,
  dueAt: rotationTasks.dueAt,
  graceUntil: rotationTasks.graceUntil,
};

/** The roles that may work any task and sign off when the approver cannot (admins). */
export const MANAGER_ROLES = ROLES.filter((role) => can(role, "rotation:manage"));

// Who holds the task's secret's approver and operator roles now (lib/domain/rotation/sign-off.ts
// decides from them who signs): left-join the roles on these conditions, the approver on approverRole.
export const approverRole = alias(roleAssignments, "approver_role");
export const approver = alias(people, "approver");
export const operatorRole = alias(roleAssignments, "operator_role");
export const approverRoleOfTask = and(eq(approverRole.secretId, rotationTasks.secretId), eq(approverRole.role, "approver"));
export const operatorRoleOfTask = and(eq(operatorRole.secretId, rotationTasks.secretId), eq(operatorRole.role, "operator"));
