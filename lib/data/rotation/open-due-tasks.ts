import "server-only";
// The daily job's work: open a scheduled task for every non-exempt secret due within the lead time
// (settings.lead_days, 14 by default) that has none in flight, assigned to its operator, else its
// approver, else nobody (a gap the task shows); and bring open tasks up to date (dates, assignee).
import type { Queryable } from "@/lib/data/db";
import { reconcileRotationTasks, type ReconcileResult } from "@/lib/data/rotation/reconcile-rotation-tasks";

export async function openDueTasks({ db, now = new Date(), leadDays }: { db: Queryable; now?: Date; leadDays?: number }): Promise<ReconcileResult> {
  return db.transaction((tx) => reconcileRotationTasks({ db: tx, now, leadDays }));
}
