// Access events stored before times kept microseconds were cut to milliseconds (migration 0012
// remembers the latest such time in app_meta). An event read again from the same log now carries
// its microseconds, so its key (source kind, raw id, time) differs from the stored row's: that row is
// its millisecond twin. Ingest counts the event as a duplicate and gives the stored row the log's
// precise time; a database created since has no such rows and never looks for them.
import type pg from "pg";

/** The latest millisecond-cut time stored, or null when there can be no twins. */
export async function msCutUntil(client: pg.PoolClient): Promise<string | null> {
  const { rows } = await client.query<{ value: string }>(`select value from app_meta where key = 'access-events:ms-until'`);
  return rows[0]?.value ?? null;
}

/** Whether the stored row `a` is the millisecond twin of the event at `at` (SQL; $until is msCutUntil). */
export const msTwinOf = (at: string, until: string) => `(a.occurred_at = date_trunc('milliseconds', ${at}) and a.occurred_at <= ${until}::timestamptz)`;

/** Whether any event of the batch may have a twin: a time with microseconds, no later than the cut. */
export function mayHaveTwins(events: { occurredAt: string }[], until: string | null): boolean {
  if (!until) return false;
  const last = Date.parse(until);
  return events.some((e) => e.occurredAt.length > 24 && Date.parse(e.occurredAt) <= last);
}

export async function hasTwins(client: pg.PoolClient, events: { sourceKind: string; rawId: string; occurredAt: string }[], until: string): Promise<boolean> {
  const { rows } = await client.query(
    `select 1 from unnest($1::text[], $2::text[], $3::timestamptz[]) as v(kind, raw_id, at)
     join access_events a on a.source_kind = v.kind and a.raw_id = v.raw_id and ${msTwinOf("v.at", "$4")}
     where a.occurred_at <> v.at limit 1`,
    [events.map((e) => e.sourceKind), events.map((e) => e.rawId), events.map((e) => e.occurredAt), until],
  );
  return rows.length > 0;
}

/** The staged events' twins take the log's precise time, so the merge finds them as duplicates. */
export async function upgradeTwins(client: pg.PoolClient, until: string) {
  await client.query(
    `update access_events a set occurred_at = s.occurred_at from ingest_stage s
     where a.source_kind = s.source_kind and a.raw_id = s.raw_id and ${msTwinOf("s.occurred_at", "$1")} and a.occurred_at <> s.occurred_at`,
    [until],
  );
}
