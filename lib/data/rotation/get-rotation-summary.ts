import "server-only";
// The numbers above the calendar and on the founder's overview, for the tasks the actor can see:
// overdue now, due in the next 14 days, gaps (tasks nobody holds), "% acknowledged within 2 days"
// (tasks opened in the last 90 days) and "% done on time" for the last four quarters. Definitions:
// lib/domain/rotation/metrics.ts. Every number is counted with the rules the task list filters by
// (task-windows.ts), so each links to exactly its rows; each says whose it is — the company's (an
// owner: the secrets they hold a role on) and, of overdue and due soon, the ones assigned to the actor.
import { and, eq, sql, type SQL } from "drizzle-orm";
import { secrets } from "@/db/schema";
import { rotationTasks } from "@/db/schema-rotation";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getDb, type Queryable } from "@/lib/data/db";
import { secretScope } from "@/lib/data/scope";
import { ackAnsweredTask, ackedWithin2DaysTask, activeTask, completedInGraceTask, doneInQuarterTask, dueWithinTask, gapTask, missedInQuarterTask, overdueTask } from "@/lib/data/rotation/task-windows";
import { DUE_SOON_DAYS } from "@/lib/domain/calendar/due-window";
import { ACK_LOOKBACK_DAYS, lastQuarters, percent, type QuarterOnTime } from "@/lib/domain/rotation/metrics";
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

const QUARTERS = 4;

export async function getRotationSummary({ actor, db = getDb(), now = new Date() }: { actor: Actor; db?: Queryable; now?: Date }): Promise<RotationSummary> {
  if (!can(actor.role, "rotation:read")) throw new AppError("forbidden", `Your role (${actor.role}) cannot see the rotation calendar`);
  const count = (rule: SQL) => sql<number>`count(*) filter (where ${rule})::int`;
  const mine = (rule: SQL) => count(and(rule, eq(rotationTasks.assigneeId, actor.id))!);
  const quarters = lastQuarters(now, QUARTERS);
  const acked = ackAnsweredTask(now, ACK_LOOKBACK_DAYS);
  const perQuarter = Object.fromEntries(
    quarters.flatMap((quarter, i) => [
      [`done${i}`, count(doneInQuarterTask(quarter))],
      [`onTime${i}`, count(and(doneInQuarterTask(quarter), completedInGraceTask())!)],
      [`missed${i}`, count(missedInQuarterTask(quarter, now))],
    ]),
  );
  // Every rule names its own statuses, so the scope is the only `where`.
  const [counts] = await db
    .select({
      overdue: count(overdueTask(now)),
      dueIn14Days: count(dueWithinTask(now, DUE_SOON_DAYS)),
      gaps: count(gapTask()),
      open: count(activeTask()),
      mineOverdue: mine(overdueTask(now)),
      mineDueIn14Days: mine(dueWithinTask(now, DUE_SOON_DAYS)),
      mineOpen: mine(activeTask()),
      acked: count(acked),
      ackedWithin: count(and(acked, ackedWithin2DaysTask())!),
      ...perQuarter,
    })
    .from(rotationTasks)
    .innerJoin(secrets, sql`${secrets.id} = ${rotationTasks.secretId}`)
    .where(secretScope(actor));
  const n = (key: string) => (counts as Record<string, number> | undefined)?.[key] ?? 0;
  return {
    scope: actor.role === "owner" ? "held" : "company",
    overdue: n("overdue"),
    dueIn14Days: n("dueIn14Days"),
    gaps: n("gaps"),
    open: n("open"),
    mine: { overdue: n("mineOverdue"), dueIn14Days: n("mineDueIn14Days"), open: n("mineOpen") },
    acknowledgedWithin2Days: { pct: percent(n("ackedWithin"), n("acked")), count: n("acked"), within: n("ackedWithin") },
    onTimeByQuarter: quarters.map((quarter, i) => {
      const [done, onTime] = [n(`done${i}`), n(`onTime${i}`)];
      return { quarter, done, onTime, late: done - onTime, missed: n(`missed${i}`), pct: percent(onTime, done) };
    }),
  };
}
