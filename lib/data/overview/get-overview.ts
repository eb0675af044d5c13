import "server-only";
// Company-wide counts for the overview. Counts only — no names — so every role with
// metrics:read (sales included) may see them.
import { sql } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getDb, type Queryable } from "@/lib/data/db";
import { AppError } from "@/lib/errors";

export type Overview = {
  secrets: number;
  byTier: { tier: number | null; count: number }[];
  byEnvironment: { environment: string | null; count: number }[];
  missingRole: number;
  missingIncidentCommander: number;
  conflicts: number;
  offboardedHolders: number;
  withUnknowns: number;
  unknownFields: number;
  unsanctionedCopies: number;
  notRotatedInYear: number;
  events30d: number;
  failures30d: number;
};

export async function getOverview({ actor, db = getDb() }: { actor: Actor; db?: Queryable }): Promise<Overview> {
  if (!can(actor.role, "metrics:read")) throw new AppError("forbidden", "You may not see metrics");
  const totals = await db.execute<Omit<Overview, "byTier" | "byEnvironment">>(sql`
    select
      (select count(*)::int from secrets) as "secrets",
      (select count(*)::int from secrets s where (select count(*) from role_assignments ra where ra.secret_id = s.id) < 4) as "missingRole",
      (select count(*)::int from secrets s where not exists (select 1 from role_assignments ra where ra.secret_id = s.id and ra.role = 'incident_commander')) as "missingIncidentCommander",
      (select count(distinct a.secret_id)::int from role_assignments a join role_assignments o on o.secret_id = a.secret_id
         and o.role = 'operator' and o.person_id = a.person_id where a.role = 'approver') as "conflicts",
      (select count(distinct ra.secret_id)::int from role_assignments ra join people p on p.id = ra.person_id where p.status = 'offboarded') as "offboardedHolders",
      (select count(*)::int from secrets where unknown_count > 0) as "withUnknowns",
      (select coalesce(sum(unknown_count), 0)::int from secrets) as "unknownFields",
      (select count(*)::int from locations where not sanctioned) as "unsanctionedCopies",
      (select count(*)::int from secrets where lifetime is distinct from 'short_lived'
         and (last_rotated_at is null or last_rotated_at < now() - interval '365 days')) as "notRotatedInYear",
      (select count(*)::int from access_events where occurred_at > now() - interval '30 days') as "events30d",
      (select count(*)::int from access_events where occurred_at > now() - interval '30 days' and result = 'failure') as "failures30d"`);
  const byTier = await db.execute<{ tier: number | null; count: number }>(sql`select tier, count(*)::int as count from secrets group by tier order by tier nulls last`);
  const byEnvironment = await db.execute<{ environment: string | null; count: number }>(
    sql`select environment, count(*)::int as count from secrets group by environment order by environment nulls last`,
  );
  const row = totals.rows[0];
  if (!row) throw new Error("overview query returned no row");
  return { ...row, byTier: byTier.rows, byEnvironment: byEnvironment.rows };
}
