// `--dry-run`: the counts the real run would give, duplicates included, with nothing written. An
// event is a duplicate of what the database holds (the same key, or its millisecond twin) and of
// what this run would already have written (the same file twice, one event in two files): a
// temporary table on the run's one connection remembers the keys, so a run larger than memory
// works. The rules are the merge's in lib/ingest/write-batch.ts: once per key and batch, and a
// Vault placeholder ("no_response") counts again when its real outcome arrives.
import type pg from "pg";
import { msCutUntil, msTwinOf } from "@/lib/ingest/ms-twins";
import type { NormalizedEvent } from "@/lib/ingest/types";
import { NO_RESPONSE } from "@/lib/ingest/vault/to-event";
import type { BatchResult } from "@/lib/ingest/write-batch";

const SEEN = `create temp table if not exists dry_run_seen (
  source_kind text, raw_id text, occurred_at timestamptz, placeholder boolean not null, primary key (source_kind, raw_id, occurred_at))`;

const COUNT = `
  with batch as (
    select kind, raw_id, at, bool_and(placeholder) as placeholder
    from unnest($1::text[], $2::text[], $3::timestamptz[], $4::boolean[]) as v(kind, raw_id, at, placeholder)
    group by kind, raw_id, at),
  known as (
    select b.*, coalesce(
      (select seen.placeholder from dry_run_seen seen where seen.source_kind = b.kind and seen.raw_id = b.raw_id and seen.occurred_at = b.at),
      (select a.error_code is not distinct from 'no_response' from access_events a
        where a.source_kind = b.kind and a.raw_id = b.raw_id and (a.occurred_at = b.at or ${msTwinOf("b.at", "$5")}) limit 1)) as stored
    from batch b),
  remembered as (
    insert into dry_run_seen (source_kind, raw_id, occurred_at, placeholder)
    select kind, raw_id, at, placeholder and coalesce(stored, true) from known
    on conflict (source_kind, raw_id, occurred_at) do update set placeholder = excluded.placeholder)
  select (count(*) filter (where stored is null or (stored and not placeholder)))::int as ingested from known`;

export class DryRun {
  private msUntil: Promise<string | null> | null = null;
  /** Files this run has read to the end: read again, they start from the top (the real run's checkpoint is complete). */
  readonly finished = new Set<string>();

  constructor(readonly client: pg.PoolClient) {}

  async count(events: NormalizedEvent[]): Promise<BatchResult> {
    if (!events.length) return { ingested: 0, duplicates: 0 };
    const msUntil = await (this.msUntil ??= msCutUntil(this.client));
    await this.client.query(SEEN);
    const { rows } = await this.client.query<{ ingested: number }>(COUNT, [
      events.map((e) => e.sourceKind), events.map((e) => e.rawId), events.map((e) => e.occurredAt), events.map((e) => e.errorCode === NO_RESPONSE), msUntil,
    ]);
    const ingested = rows[0]!.ingested;
    return { ingested, duplicates: events.length - ingested };
  }

  async end() {
    await this.client.query("drop table if exists dry_run_seen");
  }
}
