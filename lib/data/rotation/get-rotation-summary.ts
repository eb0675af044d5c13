import "server-only";
// The numbers above the calendar and on the founder's overview, for the tasks the actor can see:
// overdue now, due in the next 14 days, gaps (tasks nobody holds), "% acknowledged within 2 days"
// (tasks opened in the last 90 days) and "% done on time" for the last four quarters. Definitions:
// lib/domain/rotation/metrics.ts.
import { and, gte, inArray, lt, or, sql } from "drizzle-orm";
import { secrets } from "@/db/schema";
import { rotationTasks } from "@/db/schema-rotation";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getDb, type Queryable } from "@/lib/data/db";
import { secretScope } from "@/lib/data/scope";
import { acknowledgedWithin2Days, onTimeByQuarter, type QuarterOnTime } from "@/lib/domain/rotation/metrics";
import { ACTIVE_STATUSES, DAY_MS } from "@/lib/domain/rotation/schedule";
import { AppError } from "@/lib/errors";

export type RotationSummary = {
  overdue: number;
  dueIn14Days: number;
  gaps: number;
  open: number;
  acknowledgedWithin2Days: { pct: number | null; count: number; within: number };
  onTimeByQuarter: QuarterOnTime[];
};

const ACK_WINDOW_DAYS = 90;
const QUARTERS = 4;

export async function getRotationSummary({ actor, db = getDb(), now = new Date() }: { actor: Actor; db?: Queryable; now?: Date }): Promise<RotationSummary> {
  if (!can(actor.role, "rotation:read")) throw new AppError("forbidden", `Your role (${actor.role}) cannot see the rotation calendar`);
  const in14 = new Date(now.getTime() + 14 * DAY_MS);
  const [counts] = await db
    .select({
      overdue: sql<number>`count(*) filter (where ${rotationTasks.dueAt} < ${now})::int`,
      dueIn14Days: sql<number>`count(*) filter (where ${rotationTasks.dueAt} >= ${now} and ${rotationTasks.dueAt} < ${in14})::int`,
      gaps: sql<number>`count(*) filter (where ${rotationTasks.assigneeId} is null)::int`,
      open: sql<number>`count(*)::int`,
    })
    .from(rotationTasks)
    .innerJoin(secrets, sql`${secrets.id} = ${rotationTasks.secretId}`)
    .where(and(secretScope(actor), inArray(rotationTasks.status, [...ACTIVE_STATUSES])));

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
    overdue: counts?.overdue ?? 0,
    dueIn14Days: counts?.dueIn14Days ?? 0,
    gaps: counts?.gaps ?? 0,
    open: counts?.open ?? 0,
    acknowledgedWithin2Days: acknowledgedWithin2Days(tasks.filter((t) => t.openedAt >= ackWindow), now),
    onTimeByQuarter: onTimeByQuarter(tasks, now, QUARTERS),
  };
}

/** The first instant of the quarter `back` quarters before the one `now` is in (UTC). */
function startOfQuarter(now: Date, back: number): Date {
  const index = now.getUTCFullYear() * 4 + Math.floor(now.getUTCMonth() / 3) - back;
  return new Date(Date.UTC(Math.floor(index / 4), (index % 4) * 3, 1));
}
