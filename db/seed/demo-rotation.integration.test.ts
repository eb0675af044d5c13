import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { now, rows, useSeededDemo, value } from "@/db/seed/demo-company-test-setup";
import { rotationOpenTasksJob } from "@/lib/jobs/rotation-open-tasks";

describe("seedDemo (Lumen Pay): rotation calendar", () => {
  // The calendar does not depend on how many access events are written (the determinism test in
  // demo-company.integration.test.ts compares it across sizes), so a short event log keeps this quick.
  const demo = useSeededDemo({ accessEvents: 2_000 });

  it("fills the rotation calendar: overdue and upcoming tasks, each with an owner but one gap, and a year of history", async () => {
    const { database, result } = demo;
    if (!result.seeded) throw new Error("not seeded");
    expect(await value(database, sql`select count(*) as n from rotation_tasks`)).toBe(result.counts.rotationTasks);
    type Row = { status: string; n: number; overdue: number; upcoming: number; gaps: number; inactive: number };
    const byStatus = Object.fromEntries(
      (
        await rows<Row>(
          database,
          sql`select t.status, count(*)::int as n,
                count(*) filter (where t.due_at < ${now})::int as overdue,
                count(*) filter (where t.due_at >= ${now} and t.due_at < ${now}::timestamptz + interval '42 days')::int as upcoming,
                count(*) filter (where t.assignee_id is null)::int as gaps,
                count(*) filter (where p.status = 'offboarded')::int as inactive
              from rotation_tasks t left join people p on p.id = t.assignee_id group by t.status`,
        )
      ).map((r) => [r.status, r]),
    ) as Record<string, Row>;
    const open = byStatus.open as Row;
    const acknowledged = byStatus.acknowledged as Row;
    expect(open.overdue + acknowledged.overdue).toBeGreaterThanOrEqual(20);
    expect(open.upcoming + acknowledged.upcoming).toBeGreaterThanOrEqual(8);
    expect(acknowledged.n).toBeGreaterThanOrEqual(5);
    expect(byStatus.awaiting_approval?.n).toBe(1);
    expect(byStatus.skipped?.n).toBe(1);
    expect(open.gaps + acknowledged.gaps + (byStatus.awaiting_approval?.gaps ?? 0)).toBe(1);
    expect(open.inactive + acknowledged.inactive).toBe(0);
    expect(await value(database, sql`select count(*) as n from rotation_tasks where status = 'skipped' and length(skipped_reason) > 20`)).toBe(1);

    const quarters = await rows<{ quarter: string; on_time: number; late: number }>(
      database,
      sql`select to_char(completed_at, 'YYYY-"Q"Q') as quarter,
                 count(*) filter (where completed_at <= grace_until)::int as on_time,
                 count(*) filter (where completed_at > grace_until)::int as late
          from rotation_tasks where status = 'done' and completed_at >= ${now}::timestamptz - interval '1 year' group by 1 order by 1`,
    );
    expect(quarters.length).toBeGreaterThanOrEqual(4);
    for (const q of quarters.slice(-4)) {
      expect(q.on_time).toBeGreaterThan(0);
      expect(q.late).toBeGreaterThan(0);
    }
    expect(await value(database, sql`select count(*) as n from rotation_tasks where completion = 'manual' and (note is null or completed_by is null)`)).toBe(0);
    expect(await value(database, sql`select count(*) as n from rotation_tasks where acknowledged_at < opened_at or opened_at > ${now}`)).toBe(0);
    // Separation of duties, as the app enforces it: a second person signed off every manual done that
    // needed it (never whoever did it, nor the one it was assigned to), and a person's skip says who.
    expect(await value(database, sql`select count(*) as n from rotation_tasks where approved_by = completed_by or approved_by = assignee_id`)).toBe(0);
    expect(await value(database, sql`select count(*) as n from rotation_tasks where status = 'done' and completion = 'manual' and requires_approval and approved_by is null`)).toBe(0);
    expect(await value(database, sql`select count(*) as n from rotation_tasks where status = 'skipped' and completion is distinct from 'auto' and (skipped_by is null or skipped_at is null)`)).toBe(0);
    expect(await value(database, sql`select count(*) as n from rotation_tasks where status = 'skipped' and requires_approval and skipped_by = assignee_id`)).toBe(0);
    expect(await value(database, sql`select count(*) as n from rotation_policies`)).toBe(12);
  });

  it("is what the daily job keeps: running it on the seeded day changes nothing", async () => {
    const { database } = demo;
    expect(await rotationOpenTasksJob(database.db, now)).toBe(0);
  });
});
