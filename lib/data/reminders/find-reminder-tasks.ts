import "server-only";
// Every rotation task someone must still act on, with the secret's name and the people a reminder
// goes to: the assignee, whoever its sign-off falls to (the rule is lib/domain/rotation/sign-off.ts:
// never an approver who is also the operator or did it), and the secret's approver for escalations.
// Reads the tables directly (the columns every task read shares: lib/data/rotation/task-columns.ts),
// so reminders do not depend on the task engine's code.
import { and, eq, inArray, lt } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { people, secrets } from "@/db/schema";
import { rotationTasks } from "@/db/schema-rotation";
import { getDb, type Queryable } from "@/lib/data/db";
import { approver, approverRole, approverRoleOfTask, MANAGER_ROLES, operatorRole, operatorRoleOfTask, taskColumns } from "@/lib/data/rotation/task-columns";
import type { ReminderPerson, ReminderTask } from "@/lib/domain/reminders/types";
import { ACTIVE_STATUSES } from "@/lib/domain/rotation/schedule";
import { conflictWords, signOffOf } from "@/lib/domain/rotation/sign-off";

const assignee = alias(people, "assignee");

type PersonColumns = { id: string; name: string; email: string; status: string } | null;
const personOf = (p: PersonColumns): ReminderPerson | null => (p?.id ? { id: p.id, name: p.name, email: p.email, active: p.status === "active" } : null);

/** Tasks in flight due before `before` (later ones are in nobody's digest yet). */
export async function findReminderTasks({ before, db = getDb() }: { before: Date; db?: Queryable }): Promise<ReminderTask[]> {
  const admins = await db
    .select({ id: people.id, name: people.name, email: people.email })
    .from(people)
    .where(and(eq(people.status, "active"), inArray(people.role, MANAGER_ROLES)))
    .orderBy(people.name);
  const rows = await db
    .select({
      task: {
        ...taskColumns,
        openedAt: rotationTasks.openedAt,
        updatedAt: rotationTasks.updatedAt,
        completedBy: rotationTasks.completedBy,
      },
      secret: { name: secrets.name, environment: secrets.environment, tier: secrets.tier },
      assignee: { id: assignee.id, name: assignee.name, email: assignee.email, status: assignee.status },
      approver: { id: approver.id, name: approver.name, email: approver.email, status: approver.status },
      operatorId: operatorRole.personId,
    })
    .from(rotationTasks)
    .innerJoin(secrets, eq(secrets.id, rotationTasks.secretId))
    .leftJoin(assignee, eq(assignee.id, rotationTasks.assigneeId))
    .leftJoin(approverRole, approverRoleOfTask)
    .leftJoin(approver, eq(approver.id, approverRole.personId))
    .leftJoin(operatorRole, operatorRoleOfTask)
    .where(and(inArray(rotationTasks.status, [...ACTIVE_STATUSES]), lt(rotationTasks.dueAt, before)))
    .orderBy(rotationTasks.dueAt, rotationTasks.id);

  return rows.map(({ task: { completedBy, ...task }, ...r }) => {
    const [taskAssignee, taskApprover] = [personOf(r.assignee), personOf(r.approver)];
    const signOff = signOffOf({ approver: taskApprover, operatorId: r.operatorId, assigneeId: taskAssignee?.id ?? null, completedBy, admins });
    return {
      ...task,
      status: task.status as ReminderTask["status"],
      secretName: r.secret.name,
      environment: r.secret.environment,
      tier: r.secret.tier,
      assignee: taskAssignee,
      approver: taskApprover,
      // The approver alone while they may sign; else every admin the sign-off fell to.
      signers: signOff.by === "approver" ? [taskApprover!] : admins.filter((a) => signOff.signers.some((s) => s.id === a.id)).map((a) => ({ ...a, active: true })),
      signOffNote: signOff.conflict && taskApprover ? conflictWords(signOff.conflict, taskApprover.name) : null,
    };
  });
}
