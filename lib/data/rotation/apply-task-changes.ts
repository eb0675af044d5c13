import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { rotationTasks } from "@/db/schema-rotation";
import type { Queryable } from "@/lib/data/db";
import type { TaskChanges } from "@/lib/domain/rotation/schedule";

/** The statuses in which a task still waits on its assignee: only those are changed by Keyledger. */
export const WAITING = ["open", "acknowledged"] as const;

/** Applies planned changes to a task still waiting on its assignee; 1 when it was, 0 when it moved on meanwhile. */
export async function applyTaskChanges(db: Queryable, taskId: string, changes: TaskChanges, now: Date): Promise<number> {
  const { reopen, ...fields } = changes;
  const rows = await db
    .update(rotationTasks)
    .set({
      ...fields,
      ...(reopen ? { status: "open" as const, acknowledgedAt: null, acknowledgedBy: null } : {}),
      sequence: sql`${rotationTasks.sequence} + 1`,
      updatedAt: now,
    })
    .where(and(eq(rotationTasks.id, taskId), inArray(rotationTasks.status, WAITING)))
    .returning({ id: rotationTasks.id });
  return rows.length;
}
