import "server-only";
// One shape for a rotation task, everywhere the API returns one (list, detail, every transition):
// the task, its secret, who holds it, who acknowledged, completed, approved or skipped it, who may
// sign it off (and the conflict when the approver cannot: lib/domain/rotation/sign-off.ts), and
// whether it is overdue now. The select and the mapping live here so they cannot drift apart.
import { eq, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { people, secrets, sources } from "@/db/schema";
import { rotationTasks } from "@/db/schema-rotation";
import type { Queryable } from "@/lib/data/db";
import { approver, approverRole, approverRoleOfTask, MANAGER_ROLES, operatorRole, operatorRoleOfTask } from "@/lib/data/rotation/task-columns";
import { isOverdue, type DueBasis, type OpenedVia, type TaskStatus } from "@/lib/domain/rotation/schedule";
import { signOffOf, type SignOff } from "@/lib/domain/rotation/sign-off";

export type PersonRef = { id: string; name: string };
export type RotationTask = {
  id: string;
  secret: { id: string; name: string; tier: number | null; environment: string | null; sourceName: string };
  kind: "scheduled" | "rotate_now";
  reason: string | null;
  status: TaskStatus;
  dueAt: string;
  graceUntil: string;
  openedAt: string;
  overdue: boolean;
  assignee: (PersonRef & { email: string }) | null;
  assigneeRole: "operator" | "approver" | null;
  /** Nobody to assign: the secret has neither an operator nor an approver. */
  gap: boolean;
  requiresApproval: boolean;
  /** The secret's approver now: who signs off a task that requires it, unless they are in conflict. */
  approver: PersonRef | null;
  /** Who may sign off (and skip) a task that requires it — a second person — and why not the approver; null when not required. */
  signOff: SignOff | null;
  acknowledgedAt: string | null;
  acknowledgedBy: PersonRef | null;
  completedAt: string | null;
  completedBy: PersonRef | null;
  /** done: confirmed by the store (auto) or marked by a person (manual). skipped: auto when Keyledger closed it (the secret became exempt). */
  completion: "auto" | "manual" | null;
  note: string | null;
  skippedReason: string | null;
  skippedAt: string | null;
  skippedBy: PersonRef | null;
  approvedAt: string | null;
  approvedBy: PersonRef | null;
  sequence: number;
  /** What the due date was counted from; null for rotate-now tasks (due when opened). */
  dueBasis: DueBasis | null;
  basisAt: string | null;
  /** Why a scheduled task opened: the daily job, or a change by `openedBy`; null when not recorded (older tasks). */
  openedVia: OpenedVia | null;
  openedBy: PersonRef | null;
  /** dueBasis "skipped": the skipped task this one comes after. */
  followsTaskId: string | null;
  updatedAt: string;
};

const assignee = alias(people, "assignee");
const acker = alias(people, "acker");
const completer = alias(people, "completer");
const signer = alias(people, "signer");
const skipper = alias(people, "skipper");
const opener = alias(people, "opener");

/** Tasks joined to everything the JSON shows; `where` may use rotation_tasks and secrets. */
export function selectRotationTasks(db: Queryable, where: SQL | undefined) {
  return db
    .select({
      task: rotationTasks,
      secret: { id: secrets.id, name: secrets.name, tier: secrets.tier, environment: secrets.environment },
      sourceName: sources.name,
      assignee: { id: assignee.id, name: assignee.name, email: assignee.email },
      acker: { id: acker.id, name: acker.name },
      completer: { id: completer.id, name: completer.name },
      signer: { id: signer.id, name: signer.name },
      approver: { id: approver.id, name: approver.name, status: approver.status },
      operatorId: operatorRole.personId,
      skipper: { id: skipper.id, name: skipper.name },
      opener: { id: opener.id, name: opener.name },
      // Uncorrelated: Postgres computes it once per query, not per row.
      admins: sql<{ id: string; name: string }[]>`(select coalesce(json_agg(json_build_object('id', a.id, 'name', a.name) order by a.name), '[]'::json)
        from ${people} a where a.status = 'active' and a.role::text = any(${sql.param(MANAGER_ROLES)}::text[]))`,
    })
    .from(rotationTasks)
    .innerJoin(secrets, eq(secrets.id, rotationTasks.secretId))
    .innerJoin(sources, eq(sources.id, secrets.sourceId))
    .leftJoin(assignee, eq(assignee.id, rotationTasks.assigneeId))
    .leftJoin(acker, eq(acker.id, rotationTasks.acknowledgedBy))
    .leftJoin(completer, eq(completer.id, rotationTasks.completedBy))
    .leftJoin(signer, eq(signer.id, rotationTasks.approvedBy))
    .leftJoin(approverRole, approverRoleOfTask)
    .leftJoin(approver, eq(approver.id, approverRole.personId))
    .leftJoin(operatorRole, operatorRoleOfTask)
    .leftJoin(skipper, eq(skipper.id, rotationTasks.skippedBy))
    .leftJoin(opener, eq(opener.id, rotationTasks.openedBy))
    .where(where);
}

type Row = Awaited<ReturnType<typeof selectRotationTasks>>[number];
const iso = (d: Date | null) => d?.toISOString() ?? null;
const ref = <T extends { id: string | null }>(p: T | null): T | null => (p?.id ? p : null);

/** Who may sign off the task (computed for every task: the DAL checks it before a skip or an approval). */
export function signOffOfRow(row: Row): SignOff {
  const a = row.approver?.id ? row.approver : null;
  return signOffOf({
    approver: a ? { id: a.id, name: a.name, active: a.status === "active" } : null,
    operatorId: row.operatorId,
    assigneeId: row.task.assigneeId,
    completedBy: row.task.completedBy,
    admins: row.admins,
  });
}

export function toRotationTask(row: Row, now: Date = new Date()): RotationTask {
  const t = row.task;
  return {
    id: t.id,
    secret: { ...row.secret, sourceName: row.sourceName },
    kind: t.kind,
    reason: t.reason,
    status: t.status,
    dueAt: t.dueAt.toISOString(),
    graceUntil: t.graceUntil.toISOString(),
    openedAt: t.openedAt.toISOString(),
    overdue: isOverdue(t, now),
    assignee: ref(row.assignee) as RotationTask["assignee"],
    assigneeRole: t.assigneeRole as RotationTask["assigneeRole"],
    gap: t.assigneeId === null,
    requiresApproval: t.requiresApproval,
    approver: row.approver?.id ? { id: row.approver.id, name: row.approver.name } : null,
    signOff: t.requiresApproval ? signOffOfRow(row) : null,
    acknowledgedAt: iso(t.acknowledgedAt),
    acknowledgedBy: ref(row.acker) as PersonRef | null,
    completedAt: iso(t.completedAt),
    completedBy: ref(row.completer) as PersonRef | null,
    completion: t.completion as RotationTask["completion"],
    note: t.note,
    skippedReason: t.skippedReason,
    skippedAt: iso(t.skippedAt),
    skippedBy: ref(row.skipper) as PersonRef | null,
    approvedAt: iso(t.approvedAt),
    approvedBy: ref(row.signer) as PersonRef | null,
    sequence: t.sequence,
    dueBasis: t.dueBasis as DueBasis | null,
    basisAt: iso(t.basisAt),
    openedVia: t.openedVia as OpenedVia | null,
    openedBy: ref(row.opener) as PersonRef | null,
    followsTaskId: t.followsTaskId,
    updatedAt: t.updatedAt.toISOString(),
  };
}

/** One task by id, unscoped: callers have already checked the actor may see it. */
export async function loadRotationTask(db: Queryable, id: string, now?: Date): Promise<RotationTask> {
  const [row] = await selectRotationTasks(db, eq(rotationTasks.id, id)).limit(1);
  if (!row) throw new Error(`rotation task ${id} vanished`);
  return toRotationTask(row, now);
}
