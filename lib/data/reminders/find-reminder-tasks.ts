import "server-only";
// Every rotation task someone must still act on, with the secret's name and the people a reminder
// goes to: the assignee and the secret's approver (for sign-off and escalations). Reads the tables
// directly, so reminders do not depend on the task engine's code.
import { and, eq, inArray, lt } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { people, roleAssignments, secrets } from "@/db/schema";
import { rotationTasks } from "@/db/schema-rotation";
import { getDb, type Queryable } from "@/lib/data/db";
import type { ReminderPerson, ReminderTask } from "@/lib/domain/reminders/types";
import { ACTIVE_STATUSES } from "@/lib/domain/rotation/schedule";

const assignee = alias(people, "assignee");
const approver = alias(people, "approver");
const approverRole = alias(roleAssignments, "approver_role");

type PersonColumns = { id: string; name: string; email: string; status: string } | null;
const personOf = (p: PersonColumns): ReminderPerson | null => (p ? { id: p.id, name: p.name, email: p.email, active: p.status === "active" } : null);

/** Tasks in flight due before `before` (later ones are in nobody's digest yet). */
export async function findReminderTasks({ before, db = getDb() }: { before: Date; db?: Queryable }): Promise<ReminderTask[]> {
  const rows = await db
    .select({
      task: {
        id: rotationTasks.id,
        kind: rotationTasks.kind,
        reason: rotationTasks.reason,
        status: rotationTasks.status,
        dueAt: rotationTasks.dueAt,
        graceUntil: rotationTasks.graceUntil,
        openedAt: rotationTasks.openedAt,
        updatedAt: rotationTasks.updatedAt,
      },
      secret: { name: secrets.name, environment: secrets.environment, tier: secrets.tier },
      assignee: { id: assignee.id, name: assignee.name, email: assignee.email, status: assignee.status },
      approver: { id: approver.id, name: approver.name, email: approver.email, status: approver.status },
    })
    .from(rotationTasks)
    .innerJoin(secrets, eq(secrets.id, rotationTasks.secretId))
    .leftJoin(assignee, eq(assignee.id, rotationTasks.assigneeId))
    .leftJoin(approverRole, and(eq(approverRole.secretId, rotationTasks.secretId), eq(approverRole.role, "approver")))
    .leftJoin(approver, eq(approver.id, approverRole.personId))
    .where(and(inArray(rotationTasks.status, [...ACTIVE_STATUSES]), lt(rotationTasks.dueAt, before)))
    .orderBy(rotationTasks.dueAt, rotationTasks.id);

  return rows.map((r) => ({
    ...r.task,
    status: r.task.status as ReminderTask["status"],
    secretName: r.secret.name,
    environment: r.secret.environment,
    tier: r.secret.tier,
    assignee: personOf(r.assignee),
    approver: personOf(r.approver),
  }));
}
