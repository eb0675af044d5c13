import "server-only";
// "Done" confirmed by the store: a task still in flight (open, acknowledged or awaiting sign-off)
// whose secret now shows a rotation date after the one its due date was counted from (for a
// rotate-now task: after it opened), or a higher version count than when it opened, becomes done,
// completion 'auto', completed at the rotation date (or now, when only the version count says so).
// Called after every successful sync and by the daily job. Each confirmation is an access event.
import { sql } from "drizzle-orm";
import type { Queryable } from "@/lib/data/db";
import { recordRotationEvent, SYSTEM_ACTOR } from "@/lib/data/rotation/record-rotation-event";

type Confirmed = { id: string; secret_id: string; secret_name: string; from_status: string; completed_at: Date; by: "rotation_date" | "version" };

export async function confirmRotations({ db, now = new Date(), sourceId }: { db: Queryable; now?: Date; sourceId?: string }): Promise<number> {
  return db.transaction(async (tx) => {
    const result = await tx.execute<Confirmed>(sql`
      with candidates as (
        select t.id, t.status as from_status, s.id as secret_id, s.name as secret_name,
          s.last_rotated_at > (case when t.kind = 'scheduled' then coalesce(t.basis_at, t.opened_at) else t.opened_at end) as by_date
        from rotation_tasks t join secrets s on s.id = t.secret_id
        where t.status in ('open', 'acknowledged', 'awaiting_approval')
          and ${sourceId ? sql`s.source_id = ${sourceId}::uuid` : sql`true`}
          and (s.last_rotated_at > (case when t.kind = 'scheduled' then coalesce(t.basis_at, t.opened_at) else t.opened_at end)
               or s.version_count > t.opened_version_count)
        for update of t skip locked
      )
      update rotation_tasks t set status = 'done', completion = 'auto',
        completed_at = case when c.by_date then least(s.last_rotated_at, ${now}::timestamptz) else ${now}::timestamptz end,
        sequence = t.sequence + 1, updated_at = ${now}::timestamptz
      from candidates c, secrets s
      where t.id = c.id and s.id = c.secret_id
      returning t.id, c.secret_id, c.secret_name, c.from_status, t.completed_at, case when c.by_date then 'rotation_date' else 'version' end as by`);
    for (const row of result.rows) {
      await recordRotationEvent({
        db: tx,
        actor: SYSTEM_ACTOR,
        action: "rotate",
        rawAction: "rotation.auto_confirm",
        secretId: row.secret_id,
        secretRef: row.secret_name,
        detail: { taskId: row.id, from: row.from_status, to: "done", completion: "auto", completedAt: new Date(row.completed_at).toISOString(), confirmedBy: row.by },
      });
    }
    return result.rows.length;
  });
}
