import "server-only";
// A task on a secret its store no longer reports (secrets.missing_since set by a sync that
// succeeded without it) has nothing left to rotate: the daily job and every reconcile close it as
// skipped by Keyledger (completion 'auto', so it does not push the next due date), with the reason
// in its history. A task already done and waiting for its sign-off is left to the approver. If
// the secret comes back, the next reconcile opens a task as for any other secret.
import { sql, type SQL } from "drizzle-orm";
import type { Queryable } from "@/lib/data/db";
import type { TaskChange } from "@/lib/data/rotation/task-change";

type Row = { id: string; secret_id: string; secret_name: string; due_at: Date; reason: string };

export async function closeGoneTasks({ db, now, where = sql`true` }: { db: Queryable; now: Date; where?: SQL }): Promise<TaskChange[]> {
  const result = await db.execute<Row>(sql`
    update rotation_tasks t set status = 'skipped', completion = 'auto', skipped_at = ${now}::timestamptz,
      skipped_reason = 'Gone from the store: ' || src.name || ' has not reported this secret since '
        || to_char(s.missing_since at time zone 'UTC', 'YYYY-MM-DD') || ', so there is nothing left to rotate. If it comes back, a new task opens.',
      sequence = t.sequence + 1, updated_at = ${now}::timestamptz
    from secrets s join sources src on src.id = s.source_id
    where s.id = t.secret_id and s.missing_since is not null and t.status in ('open', 'acknowledged') and ${where}
    returning t.id, s.id as secret_id, s.name as secret_name, t.due_at, t.skipped_reason as reason`);
  return result.rows.map((r) => ({ change: "close", taskId: r.id, secret: { id: r.secret_id, name: r.secret_name }, dueAt: new Date(r.due_at).toISOString(), fromDueAt: null, reason: r.reason }));
}
