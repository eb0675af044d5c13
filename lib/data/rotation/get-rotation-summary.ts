import "server-only";
// The numbers above the calendar and on the founder's overview, for the tasks the actor can see:
// overdue now, due in the next 14 days, gaps (tasks nobody holds), "% acknowledged within 2 days"
// (tasks opened in the last 90 days) and "% done on time" for the last four quarters. Definitions:
// lib/domain/rotation/metrics.ts. Overdue, due soon and gaps are counted with the rules the task list
// filters by (task-windows.ts), so each number links to exactly its rows; each says whose it is — the
// company's (an owner: the secrets they hold a role on) and, of them, the ones assigned to the actor.
import { and, eq, gte, lt, or, sql, type SQL } from "drizzle-orm";
import { secrets } from "@/db/schema";
import { rotationTasks } from "@/db/schema-rotation";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getDb, type Queryable } from "@/lib/data/db";
import { secretScope } from "@/lib/data/scope";
import { activeTask, dueWithinTask, gapTask, overdueTask } from "@/lib/data/rotation/task-windows";
import { DUE_SOON_DAYS } from "@/lib/domain/calendar/due-window";
import { acknowledgedWithin2Days, onTimeByQuarter, type QuarterOnTime } from "@/lib/domain/rotation/metrics";
import { DAY_MS } from "@/lib/domain/rotation/schedule";
import { AppError } from "@/lib/errors";

type Counts = { overdue: number; dueIn14Days: number; open: number };

export type RotationSummary = Counts & {
  /** Whose the counts are: every task (`company`), or those on the secrets the actor holds a role on (`held`, owners). */
  scope: "company" | "held";
  gaps: number;
  /** Of the counts, the tasks assigned to the actor (My tasks). */
  mine: Counts;
  acknowledgedWithin2Days: { pct: number | null; count: number; within: number };
  onTimeByQuarter: QuarterOnTime[];
};

const ACK_WINDOW_DAYS = 90;
const QUARTERS = 4;

export async function getRotationSummary({ actor, db = getDb(), now = new Date() }: { actor: Actor; db?: Queryable; now?: Date }): Promise<RotationSummary> {
  if (!can(actor.role, "rotation:read")) throw new AppError("forbidden", `Your role (${actor.role}) cannot see the rotation calendar`);
  const count = (rule: SQL) => sql<number>`count(*) filter (where ${rule})::int`;
  const mine = (rule: SQL) => count(and(rule, eq(rotationTasks.assigneeId, actor.id))!);
  const [counts] = await db
    .select({
      overdue: count(overdueTask(now)),
      dueIn14Days: count(dueWithinTask(now, DUE_SOON_DAYS)),
      gaps: count(gapTask()),
      open: count(activeTask()),
      mineOverdue: mine(overdueTask(now)),
      mineDueIn14Days: mine(dueWithinTask(now, DUE_SOON_DAYS)),
      mineOpen: mine(activeTask()),
    })
    .from(rotationTasks)
    .innerJoin(secrets, sql`${secrets.id} = ${rotationTasks.secretId}`)
    .where(and(secretScope(actor), activeTask()));

  // Tasks the two metrics need: opened in the ack window, or completed / past grace in the quarters shown.
  const quarterStart = startOfQuarter(now, QUARTERS - 1);
  const ackWindow = new Date(now.getTime() - ACK_WINDOW_DAYS * DAY_MS);
  const tasks = await db
    .select({ status: rotationTasks.status, openedAt: rotationTasks.openedAt, acknowledgedAt: rotationTasks.acknowledgedAt, completedAt: rotationTasks.completedAt, graceUntil: rotationTasks.graceUntil })
    .from(rotationTasks)
    .innerJoin(secrets, sql`${secrets.id} = ${rotationTasks.secretId}`)
    .where(
      and(
        secretScope(actor),
        or(gte(rotationTasks.openedAt, ackWindow), gte(rotationTasks.completedAt, quarterStart), and(gte(rotationTasks.graceUntil, quarterStart), lt(rotationTasks.graceUntil, now))),
      ),
    );
  return {
    scope: actor.role === "owner" ? "held" : "company",
    overdue: counts?.overdue ?? 0,
    dueIn14Days: counts?.dueIn14Days ?? 0,
    gaps: counts?.gaps ?? 0,
    open: counts?.open ?? 0,
    mine: { overdue: counts?.mineOverdue ?? 0, dueIn14Days: counts?.mineDueIn14Days ?? 0, open: counts?.mineOpen ?? 0 },
    acknowledgedWithin2Days: acknowledgedWithin2Days(tasks.filter((t) => t.openedAt >= ackWindow), now),
    onTimeByQuarter: onTimeByQuarter(tasks, now, QUARTERS),
  };
}

/** The first instant of the quarter `back` quarters before the one `now` is in (UTC). */
function startOfQuarter(now: Date, back: number): Date {
  const index = now.getUTCFullYear() * 4 + Math.floor(now.getUTCMonth() / 3) - back;
  return new Date(Date.UTC(Math.floor(index / 4), (index % 4) * 3, 1));
}
