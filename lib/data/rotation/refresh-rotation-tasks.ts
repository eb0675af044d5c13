import "server-only";
// After something about a few secrets changed — a person offboarded — bring their rotation tasks in
// line now rather than at the next daily run: open tasks go to the current operator (else approver),
// dates follow the policy, newly due tasks open (as "opened by an owner change", by `by` when the
// caller names who made it). A change of roles alone only hands tasks over (reassign-rotation-tasks.ts).
import { sql } from "drizzle-orm";
import type { Queryable } from "@/lib/data/db";
import { reconcileRotationTasks, type ReconcileResult } from "@/lib/data/rotation/reconcile-rotation-tasks";

export async function refreshRotationTasks({ db, secretIds, now = new Date(), by = null }: { db: Queryable; secretIds: string[]; now?: Date; by?: string | null }): Promise<ReconcileResult> {
  if (!secretIds.length) return { opened: 0, updated: 0, closed: 0, withdrawn: 0, changes: [] };
  return db.transaction((tx) => reconcileRotationTasks({ db: tx, now, where: sql`s.id = any(${sql.param(secretIds)}::uuid[])`, origin: { via: "owner_change", by } }));
}
