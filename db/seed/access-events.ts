// Writes the demo's year of access events with one COPY (streamed, never one giant string), then
// sets each secret's last_accessed_at from them in one UPDATE.
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { DAY_MS, WINDOW_DAYS, type EventSecret } from "@/db/seed/access-event-model";
import { COPY_COLUMNS, generateAccessEventChunks } from "@/db/seed/access-event-rows";
import { createRandom } from "@/db/seed/random";

export type { EventSecret } from "@/db/seed/access-event-model";

const EVENTS_SEED = 20_240_611;

/** Inserts exactly `count` events for `secrets` ending at `now`; returns how many rows COPY wrote. */
export async function seedAccessEvents(args: {
  client: pg.ClientBase;
  secrets: readonly EventSecret[];
  now: Date;
  count: number;
}): Promise<number> {
  const { client, secrets, now, count } = args;
  if (count <= 0) return 0;
  const from = new Date(now.getTime() - WINDOW_DAYS * DAY_MS);
  await client.query("select keyledger_ensure_access_event_partitions($1, $2)", [from, now]);

  const chunks = generateAccessEventChunks({ secrets, now, count, random: createRandom(EVENTS_SEED) });
  const copy = client.query(copyFrom(`COPY access_events (${COPY_COLUMNS}) FROM STDIN`));
  await pipeline(Readable.from(chunks), copy);
  await client.query("select keyledger_collect_access_event_subjects()");
  // Fresh statistics: without them the planner takes the new partitions for empty and sorts whole months.
  await client.query("analyze access_events");

  await client.query(`
    update secrets s set last_accessed_at = e.last_accessed_at
    from (
      select secret_id, max(occurred_at) as last_accessed_at
      from access_events where secret_id is not null group by secret_id
    ) e
    where s.id = e.secret_id`);
  return copy.rowCount;
}
