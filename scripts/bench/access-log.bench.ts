// The access-log data path at 10 000 000 events: six typical filters and a page 10 000 events
// deep, p50/p95 — keyset against OFFSET (the baseline), measured in the same run.
import { sql } from "drizzle-orm";
import { seedDemoCompany } from "@/db/seed/demo-company";
import type { Actor } from "@/lib/auth/actor";
import { listAccessEvents } from "@/lib/data/access-events/list-access-events";
import { findPersonByEmail } from "@/lib/data/people/find-person-by-email";
import { listAccessEventsQuery } from "@/lib/validation/access-events";
import { machine, measure, withBenchDatabase } from "@/scripts/bench/bench-database";

const EVENTS = Number(process.argv[2] ?? 10_000_000);

await withBenchDatabase(async (database) => {
  const db = database.db;
  console.log(`machine: ${machine()}`);
  await seedDemoCompany(database, { accessEvents: 1_000 });
  const started = performance.now();
  // Server-side generation: a year of events over the demo secrets and a few hundred actors.
  await db.execute(sql`select keyledger_ensure_access_event_partitions(now() - interval '365 days', now())`);
  await db.execute(sql`
    insert into access_events (occurred_at, source_kind, raw_id, secret_id, secret_ref, action, raw_action, result, error_code, actor, actor_type, auth_source, source_ip)
    select now() - (g * (365 * 86400.0 / ${EVENTS})) * interval '1 second', 'cloudtrail', 'bench-' || g, s.id, s.external_id,
      (array['read','read','read','describe','list','update','rotate'])[1 + g % 7], 'GetSecretValue',
      case when g % 37 = 0 then 'failure' else 'success' end, case when g % 37 = 0 then 'AccessDeniedException' end,
      'arn:aws:sts::111122223333:assumed-role/app-' || (g % 300) || '/i-0abc', 'workload', 'assumed-role', '10.0.' || (g % 250) || '.' || (g % 200)
    from generate_series(1, ${EVENTS}) g,
      (select array_agg(id order by id) as ids, array_agg(external_id order by id) as refs, count(*)::int as n from secrets) pool,
      lateral (select pool.ids[1 + g % pool.n] as id, pool.refs[1 + g % pool.n] as external_id) s`);
  await db.execute(sql`select keyledger_collect_access_event_subjects()`);
  await db.execute(sql`analyze access_events`);
  console.log(`access_events: ${EVENTS} events`);
  console.log(`generate_time: ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const person = await findPersonByEmail({ email: "erin@lumenpay.example", db });
  const auditor: Actor = { id: person!.id, email: person!.email, name: person!.name, role: person!.role };
  const [secret] = (await db.execute<{ id: string }>(sql`select id from secrets order by id limit 1`)).rows;
  const q = (query: Record<string, string>) => listAccessEventsQuery.parse(query);
  const run = (query: Record<string, string>) => () => listAccessEvents({ actor: auditor, db, query: q(query) });
  const p95s: number[] = [];
  for (const [name, query] of [
    ["newest_100", {}],
    ["one_secret", { secret: secret!.id }],
    ["failures", { result: "failure" }],
    ["one_actor", { actor: "arn:aws:sts::111122223333:assumed-role/app-7/i-0abc" }],
    ["last_7_days_rotations", { action: "rotate", from: new Date(Date.now() - 7 * 86_400_000).toISOString() }],
    ["text_search", { q: "app-42/" }],
  ] as const) {
    p95s.push((await measure(`access_log_${name}`, run(query), 20)).p95);
  }

  let cursor: string | undefined;
  for (let page = 0; page < 100; page++) cursor = (await listAccessEvents({ actor: auditor, db, query: q(cursor ? { cursor } : {}) })).nextCursor ?? undefined;
  const keyset = await measure("access_log_10k_deep_keyset", run({ cursor: cursor! }), 20);
  const offset = await measure("access_log_10k_deep_offset_baseline", () =>
    db.execute(sql`select ae.*, s.name from access_events ae left join secrets s on s.id = ae.secret_id order by ae.occurred_at desc, ae.id desc offset 10000 limit 101`), 20);
  console.log(`ratio_deep_keyset_vs_offset: ${(keyset.p50 / offset.p50).toFixed(3)} ×`);
  console.log(`worst_filter_p95: ${Math.max(...p95s).toFixed(2)} ms (goal ≤ 50 ms)`);
});
