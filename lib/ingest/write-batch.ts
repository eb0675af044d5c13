// One committed step of ingest: write a batch of normalized events into the month partitions,
// tie them to registry secrets, record unregistered secrets as findings, keep quarantined records,
// and advance the file's checkpoint — all in one transaction, so a kill leaves no half batch.
//
// Events go in by COPY straight into access_events, which is what `psql \copy` does (the physical
// limit). De-duplication by (source kind, raw id) costs nothing on that path: the primary key
// refuses a duplicate, and only then is the batch rolled back to a savepoint and merged through a
// staging table instead (duplicates dropped; a Vault "no_response" placeholder replaced by the real
// outcome). An input that met a duplicate stays on the merge path: a re-run is duplicates throughout.
// Times go in as the parser wrote them, to the microsecond; rows stored when times were cut to
// milliseconds are found by lib/ingest/ms-twins.ts.
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import { copyRow } from "@/lib/ingest/copy-text";
import { hasTwins, mayHaveTwins, msCutUntil, upgradeTwins } from "@/lib/ingest/ms-twins";
import type { NormalizedEvent, RecordLocation } from "@/lib/ingest/types";

export type Quarantined = { location: RecordLocation; reason: string };
/** `quarantined` are the records kept; `unstored` those past the run's quarantine limit, only counted. */
export type Batch = { events: NormalizedEvent[]; quarantined: Quarantined[]; unstored: number; skipped: number; records: number };
export type Checkpoint = { fileKey: string; format: string; file: string; completed: boolean };
export type BatchResult = { ingested: number; duplicates: number };

const COLUMNS = "occurred_at, source_kind, raw_id, secret_ref, action, raw_action, result, error_code, actor, actor_type, auth_source, source_ip, user_agent, secret_id";

const STAGE = `create temp table if not exists ingest_stage (
  occurred_at timestamptz, source_kind text, raw_id text, secret_ref text, action text, raw_action text, result text,
  error_code text, actor text, actor_type text, auth_source text, source_ip text, user_agent text, secret_id uuid) on commit delete rows`;

const UNIQUE_VIOLATION = "23505";
const ROWS_PER_CHUNK = 500;

/**
 * What one input's batches share: which secret each reference names (asked once per reference),
 * and whether the input has met a duplicate yet.
 */
export class BatchWriter {
  private readonly secretIds = new Map<string, string | null>();
  private merging = false;
  private msUntil: Promise<string | null> | null = null;

  constructor(
    private readonly client: pg.PoolClient,
    private readonly runId: string | null,
  ) {}

  async write(batch: Batch, checkpoint: Checkpoint): Promise<BatchResult> {
    const client = this.client;
    await client.query("begin");
    try {
      const result = batch.events.length ? await this.writeEvents(batch.events) : { ingested: 0, duplicates: 0 };
      if (batch.quarantined.length) await keepQuarantined(client, batch.quarantined, checkpoint.format, this.runId);
      await client.query(
        `insert into ingest_checkpoints (file_key, format, file, records_done, ingested, duplicates, skipped, quarantined, completed, updated_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, now())
         on conflict (file_key) do update set records_done = ingest_checkpoints.records_done + excluded.records_done,
           ingested = ingest_checkpoints.ingested + excluded.ingested, duplicates = ingest_checkpoints.duplicates + excluded.duplicates,
           skipped = ingest_checkpoints.skipped + excluded.skipped, quarantined = ingest_checkpoints.quarantined + excluded.quarantined,
           completed = excluded.completed, updated_at = now()`,
        [checkpoint.fileKey, checkpoint.format, checkpoint.file, batch.records, result.ingested, result.duplicates, batch.skipped, batch.quarantined.length + batch.unstored, checkpoint.completed],
      );
      await client.query("commit");
      return result;
    } catch (error) {
      await client.query("rollback");
      throw error;
    }
  }

  private async writeEvents(events: NormalizedEvent[]): Promise<BatchResult> {
    const client = this.client;
    await this.resolveSecrets(events);
    const times = events.map((e) => e.occurredAt);
    await client.query(`select keyledger_ensure_access_event_partitions(min(t), max(t)) from unnest($1::timestamptz[]) as t`, [times]);
    await recordSubjects(client, events);
    const msUntil = await (this.msUntil ??= msCutUntil(client));
    if (!this.merging && mayHaveTwins(events, msUntil) && (await hasTwins(client, events, msUntil!))) this.merging = true;
    if (!this.merging) {
      await client.query("savepoint direct_copy");
      try {
        await this.copy(events, "access_events");
        await client.query("release savepoint direct_copy");
        await recordAccess(client, events.map((e) => ({ secret_id: this.secretIds.get(e.secretRef ?? "") ?? null, secret_ref: e.secretRef, source_kind: e.sourceKind, occurred_at: e.occurredAt })));
        return { ingested: events.length, duplicates: 0 };
      } catch (error) {
        if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
        await client.query("rollback to savepoint direct_copy");
        this.merging = true;
      }
    }
    return this.merge(events, msUntil);
  }

  /** Each reference is resolved once per input: by external id, by name, or (CloudTrail) by an ARN without AWS's random suffix. */
  private async resolveSecrets(events: NormalizedEvent[]) {
    const unknown = new Set<string>();
    for (const e of events) if (e.secretRef !== null && !this.secretIds.has(e.secretRef)) unknown.add(e.secretRef);
    if (!unknown.size) return;
    const { rows } = await this.client.query<{ ref: string; id: string | null }>(
      `select r.ref, (select x.id from secrets x
          where x.external_id = r.ref or x.name = r.ref or (r.ref like 'arn:aws:secretsmanager:%' and x.external_id like r.ref || '-______')
          order by x.external_id = r.ref desc, x.name = r.ref desc, x.id limit 1) as id
       from unnest($1::text[]) as r(ref)`,
      [[...unknown]],
    );
    for (const row of rows) this.secretIds.set(row.ref, row.id);
  }

  private async copy(events: NormalizedEvent[], table: string) {
    const chunks: string[] = [];
    for (let start = 0; start < events.length; start += ROWS_PER_CHUNK) {
      let chunk = "";
      for (const e of events.slice(start, start + ROWS_PER_CHUNK)) {
        const secretId = e.secretRef === null ? null : (this.secretIds.get(e.secretRef) ?? null);
        chunk += copyRow([e.occurredAt, e.sourceKind, e.rawId, e.secretRef, e.action, e.rawAction, e.result, e.errorCode, e.actor, e.actorType, e.authSource, e.sourceIp, e.userAgent, secretId]);
      }
      chunks.push(chunk);
    }
    await pipeline(Readable.from(chunks), this.client.query(copyFrom(`copy ${table} (${COLUMNS}) from stdin`)));
  }

  /** The slow path: through a staging table, dropping duplicates and replacing Vault placeholders. */
  private async merge(events: NormalizedEvent[], msUntil: string | null): Promise<BatchResult> {
    const client = this.client;
    await client.query(STAGE);
    await this.copy(events, "ingest_stage");
    if (msUntil) await upgradeTwins(client, msUntil);
    // Of one event twice in the batch, the real outcome wins over a Vault placeholder.
    const inserted = await client.query<Inserted>(`
      insert into access_events (${COLUMNS})
      select distinct on (s.source_kind, s.raw_id, s.occurred_at) s.* from ingest_stage s
      order by s.source_kind, s.raw_id, s.occurred_at, s.error_code is not distinct from 'no_response'
      on conflict (source_kind, raw_id, occurred_at) do update set
        action = excluded.action, raw_action = excluded.raw_action, result = excluded.result, error_code = excluded.error_code,
        actor = excluded.actor, actor_type = excluded.actor_type, auth_source = excluded.auth_source,
        source_ip = excluded.source_ip, user_agent = excluded.user_agent, secret_ref = excluded.secret_ref, secret_id = excluded.secret_id
        -- A Vault request whose response was in the next (rotated) file was stored as "no_response":
        -- the real outcome replaces it. Anything else already stored is a duplicate and stays.
        where access_events.error_code = 'no_response' and excluded.error_code is distinct from 'no_response'
      returning secret_id, secret_ref, source_kind, occurred_at::text as occurred_at`);
    await recordAccess(client, inserted.rows);
    return { ingested: inserted.rowCount ?? 0, duplicates: events.length - (inserted.rowCount ?? 0) };
  }
}

/** The batch's actors and secret references join the small table free-text search matches first. */
async function recordSubjects(client: pg.PoolClient, events: NormalizedEvent[]) {
  const actors = new Set<string>();
  const refs = new Set<string>();
  for (const e of events) {
    actors.add(e.actor);
    if (e.secretRef !== null) refs.add(e.secretRef);
  }
  await client.query(
    `insert into access_event_subjects (kind, subject)
     select 'actor', unnest($1::text[]) union all select 'secret_ref', unnest($2::text[])
     on conflict do nothing`,
    [[...actors], [...refs]],
  );
}

/** A written event; its time as text, to the microsecond. */
type Inserted = { secret_id: string | null; secret_ref: string | null; source_kind: string; occurred_at: string };

/** "Last accessed" moves forward; a reference the registry does not know becomes (or bumps) a finding. */
async function recordAccess(client: pg.PoolClient, rows: Inserted[]) {
  const known = rows.filter((r) => r.secret_id);
  const unknown = rows.filter((r) => !r.secret_id && r.secret_ref);
  if (known.length) {
    await client.query(
      `update secrets s set last_accessed_at = v.at
       from (select id, max(at) as at from unnest($1::uuid[], $2::timestamptz[]) as u(id, at) group by id) as v
       where s.id = v.id and (s.last_accessed_at is null or s.last_accessed_at < v.at)`,
      [known.map((r) => r.secret_id), known.map((r) => r.occurred_at)],
    );
  }
  if (unknown.length) {
    await client.query(
      `insert into findings (kind, title, subject, source_kind, occurrences, first_seen_at, last_seen_at)
       select 'unregistered_secret', 'Unregistered secret seen in access log', v.subject, min(v.kind), count(*), min(v.at), max(v.at)
       from unnest($1::text[], $2::text[], $3::timestamptz[]) as v(subject, kind, at) group by v.subject
       on conflict (kind, subject) do update set occurrences = findings.occurrences + excluded.occurrences,
         first_seen_at = least(findings.first_seen_at, excluded.first_seen_at), last_seen_at = greatest(findings.last_seen_at, excluded.last_seen_at)`,
      [unknown.map((r) => r.secret_ref), unknown.map((r) => r.source_kind), unknown.map((r) => r.occurred_at)],
    );
  }
}

async function keepQuarantined(client: pg.PoolClient, records: Quarantined[], format: string, runId: string | null) {
  await client.query(
    `insert into quarantined_records (run_id, format, file, line, record_index, reason)
     select $1, $2, v.file, v.line, v.idx, v.reason from unnest($3::text[], $4::int[], $5::int[], $6::text[]) as v(file, line, idx, reason)`,
    [runId, format, records.map((r) => r.location.file), records.map((r) => r.location.line ?? null), records.map((r) => r.location.index ?? null), records.map((r) => r.reason)],
  );
}
