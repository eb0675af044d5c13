import "server-only";
// Every write of ownership roles goes through here — the ownership matrix and offboarding
// (assign-role.ts), an inventory import (write-changes.ts), the owners a store's tags name
// (lib/data/sync/link-metadata.ts) — so what follows a change of owner follows it whoever made
// it: the open rotation tasks of the secrets it changed go to their new operator at once
// (lib/data/rotation/reassign-rotation-tasks.ts), not at the next daily run.
import { sql } from "drizzle-orm";
import { roleAssignments, type OwnershipRole } from "@/db/schema";
import type { Queryable } from "@/lib/data/db";
import { reassignRotationTasks } from "@/lib/data/rotation/reassign-rotation-tasks";

export type RoleSlot = { secretId: string; role: OwnershipRole };
export type RoleHolder = RoleSlot & { personId: string };

// Postgres takes at most 65,535 parameters a statement: five a row, in slices well below that.
const SLICE = 1_000;
const slices = <T,>(items: T[]) => Array.from({ length: Math.ceil(items.length / SLICE) }, (_, i) => items.slice(i * SLICE, (i + 1) * SLICE));

/**
 * Clears `clear`, then gives each `assign` slot to its person (recording who and when). With
 * `overwrite: false` a slot someone already holds is left as it is: what a store says never
 * overrides a person's decision. Returns the secrets whose roles it wrote.
 */
export async function writeRoles(args: { db: Queryable; assign?: RoleHolder[]; clear?: RoleSlot[]; assignedBy?: string | null; now?: Date; overwrite?: boolean }): Promise<string[]> {
  const { db, assign = [], clear = [], assignedBy = null, now = new Date(), overwrite = true } = args;
  const written = new Set<string>();
  for (const slice of slices(clear)) {
    const slots = sql.join(slice.map((s) => sql`(${s.secretId}::uuid, ${s.role}::ownership_role)`), sql`, `);
    const rows = await db
      .delete(roleAssignments)
      .where(sql`(${roleAssignments.secretId}, ${roleAssignments.role}) in (${slots})`)
      .returning({ secretId: roleAssignments.secretId });
    for (const row of rows) written.add(row.secretId);
  }
  for (const slice of slices(assign)) {
    const insert = db.insert(roleAssignments).values(slice.map((holder) => ({ ...holder, assignedBy, assignedAt: now })));
    const rows = await (overwrite
      ? insert.onConflictDoUpdate({ target: [roleAssignments.secretId, roleAssignments.role], set: { personId: sql`excluded.person_id`, assignedAt: now, assignedBy } })
      : insert.onConflictDoNothing()
    ).returning({ secretId: roleAssignments.secretId });
    for (const row of rows) written.add(row.secretId);
  }
  await reassignRotationTasks({ db, secretIds: [...written], now });
  return [...written];
}
