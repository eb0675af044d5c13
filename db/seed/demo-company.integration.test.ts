import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { seedDemo, type SeedDemoResult } from "@/db/seed";
import {
  assignRole,
  createConsumer,
  createLocation,
  createPerson,
  createSecret,
  createSource,
  linkConsumer,
} from "@/db/seed/factories";
import { rotationOpenTasksJob } from "@/lib/jobs/rotation-open-tasks";
import { createTestDatabase } from "@/test/database";

const now = new Date("2026-03-15T00:00:00Z");
const DAY_MS = 86_400_000;

async function rows<T>(database: Database, query: ReturnType<typeof sql>): Promise<T[]> {
  return (await database.db.execute(query)).rows as T[];
}
async function value(database: Database, query: ReturnType<typeof sql>): Promise<number> {
  const [row] = await rows<{ n: string | number }>(database, query);
  return Number(row?.n);
}
const secretNamesAndTiers = (database: Database) =>
  rows<{ name: string; tier: number | null }>(
    database,
    sql`select s.name, s.tier from secrets s join sources src on src.id = s.source_id order by src.name, s.name`,
  );

const rotationCalendar = (database: Database) =>
  rows<Record<string, unknown>>(
    database,
    sql`select s.name, t.status, t.due_at, t.opened_at, t.completed_at, p.email as assignee
        from rotation_tasks t join secrets s on s.id = t.secret_id left join people p on p.id = t.assignee_id
        order by s.name, t.due_at`,
  );

describe("seedDemo (Lumen Pay)", () => {
  let database: Database;
  let result: SeedDemoResult;

  beforeAll(async () => {
    database = await createTestDatabase();
    result = await seedDemo(database, { now });
  });
  afterAll(() => database?.close());

  it("seeds the registry and reports counts that match the tables", async () => {
    expect(result.seeded).toBe(true);
    if (!result.seeded) return;
    const { counts } = result;
    expect(counts.secrets).toBeGreaterThanOrEqual(150);
    expect(counts.sources).toBe(6);
    expect(await value(database, sql`select count(*) as n from secrets`)).toBe(counts.secrets);
    expect(await value(database, sql`select count(*) as n from sources`)).toBe(6);
    expect(await value(database, sql`select count(*) as n from people`)).toBe(counts.people);
    expect(await value(database, sql`select count(*) as n from role_assignments`)).toBe(counts.roleAssignments);
    expect(await value(database, sql`select count(*) as n from locations`)).toBe(counts.locations);
    expect(await value(database, sql`select count(*) as n from consumers`)).toBe(counts.consumers);
    expect(counts.consumers).toBeGreaterThanOrEqual(25);
    expect(await value(database, sql`select count(*) as n from app_meta where key = 'demo_seeded_at'`)).toBe(1);
  });

  it("has the six sign-in personas with their app roles", async () => {
    const personas = await rows<Record<string, string | null>>(
      database,
      sql`select email, name, role, status, employment from people
          where email in ('maya@lumenpay.example', 'sam@lumenpay.example', 'priya@lumenpay.example',
                          'leo@lumenpay.example', 'erin@lumenpay.example', 'jonas@lumenpay.example')
          order by email`,
    );
    expect(personas).toEqual([
      { email: "erin@lumenpay.example", name: "Erin Walsh", role: "auditor", status: "active", employment: "contractor" },
      { email: "jonas@lumenpay.example", name: "Jonas Becker", role: "owner", status: "offboarded", employment: "contractor" },
      { email: "leo@lumenpay.example", name: "Leo Martins", role: "sales", status: "active", employment: "employee" },
      { email: "maya@lumenpay.example", name: "Maya Chen", role: "founder", status: "active", employment: "employee" },
      { email: "priya@lumenpay.example", name: "Priya Raman", role: "owner", status: "active", employment: "employee" },
      { email: "sam@lumenpay.example", name: "Sam Okafor", role: "admin", status: "active", employment: "employee" },
    ]);
  });

  it("keeps the offboarded contractor as operator of exactly three secrets", async () => {
    const [jonas] = await rows<{ offboarded_at: Date }>(
      database,
      sql`select offboarded_at from people where email = 'jonas@lumenpay.example'`,
    );
    const daysAgo = (now.getTime() - new Date(jonas?.offboarded_at ?? now).getTime()) / DAY_MS;
    expect(daysAgo).toBeGreaterThan(50);
    expect(daysAgo).toBeLessThan(70);
    expect(
      await value(
        database,
        sql`select count(*) as n from role_assignments ra join people p on p.id = ra.person_id
            where p.email = 'jonas@lumenpay.example' and ra.role = 'operator'`,
      ),
    ).toBe(3);
  });

  it("shows the ownership gaps: self-approval and missing incident commanders", async () => {
    expect(
      await value(
        database,
        sql`select count(*) as n from role_assignments a join role_assignments o
            on o.secret_id = a.secret_id and o.role = 'operator'
            where a.role = 'approver' and a.person_id = o.person_id`,
      ),
    ).toBeGreaterThanOrEqual(1);
    expect(
      await value(
        database,
        sql`select count(*) as n from secrets s where not exists
            (select 1 from role_assignments ra where ra.secret_id = s.id and ra.role = 'incident_commander')`,
      ),
    ).toBeGreaterThanOrEqual(1);
    expect(await value(database, sql`select count(*) as n from secrets where unknown_count >= 3`)).toBeGreaterThan(20);
  });

  it("has one key shared by exactly four services", async () => {
    const shared = await rows<{ name: string }>(
      database,
      sql`select s.name from secrets s
          join secret_consumers sc on sc.secret_id = s.id join consumers c on c.id = sc.consumer_id
          group by s.id, s.name
          having count(*) = 4 and count(*) filter (where c.kind = 'service') = 4`,
    );
    expect(shared.length).toBeGreaterThanOrEqual(1);
  });

  it("has one key on two laptops and in a Slack channel, none of it sanctioned", async () => {
    const [spread] = await rows<{ name: string; laptops: number; chats: number; owners: number }>(
      database,
      sql`select s.name,
                 count(*) filter (where l.kind = 'laptop' and not l.sanctioned)::int as laptops,
                 count(*) filter (where l.kind = 'chat' and not l.sanctioned and l.place = '#eng-payments')::int as chats,
                 count(l.person_id) filter (where l.kind = 'laptop')::int as owners
          from secrets s join locations l on l.secret_id = s.id
          group by s.id, s.name
          having count(*) filter (where l.kind = 'laptop') > 0`,
    );
    expect(spread).toEqual({ name: "prod/payments/stripe-secret-key", laptops: 2, chats: 1, owners: 2 });
  });

  it("has a staging key reused in production", async () => {
    const reused = await rows<{ name: string }>(
      database,
      sql`select s.name from secrets s join sources src on src.id = s.source_id
          where src.name = 'AWS Secrets Manager · staging' and s.environment = 'staging'
            and exists (select 1 from secret_consumers sc join consumers c on c.id = sc.consumer_id
                        where sc.secret_id = s.id and c.name = 'payments-api')
            and exists (select 1 from locations l where l.secret_id = s.id and l.kind = 'store'
                        and not l.sanctioned and l.place like 'AWS Secrets Manager · production:%')`,
    );
    expect(reused.map((r) => r.name)).toEqual(["staging/payments/adyen-api-key"]);
  });

  it("writes a year of access events with failures, unregistered refs and last_accessed_at", async () => {
    type Totals = Record<"total" | "failures" | "uncoded" | "unregistered" | "rawIds" | "outside", number>;
    const yearAgo = new Date(now.getTime() - 366 * DAY_MS);
    const [events] = await rows<Totals>(
      database,
      sql`select count(*)::int as total,
                 count(*) filter (where result = 'failure')::int as failures,
                 count(*) filter (where result = 'failure' and error_code is null)::int as uncoded,
                 count(*) filter (where secret_id is null and secret_ref is not null)::int as unregistered,
                 count(distinct (source_kind, raw_id))::int as "rawIds",
                 count(*) filter (where occurred_at >= ${now} or occurred_at < ${yearAgo})::int as outside
          from access_events`,
    );
    const { total, failures, uncoded, unregistered, rawIds, outside } = events as Totals;
    expect(total).toBeGreaterThanOrEqual(300_000);
    expect(failures / total).toBeGreaterThan(0.015);
    expect(failures / total).toBeLessThan(0.04);
    expect(uncoded).toBe(0);
    expect(unregistered).toBeGreaterThan(0);
    expect(rawIds).toBe(total);
    expect(outside).toBe(0);
    expect(
      await value(
        database,
        sql`select count(*) as n from secrets s where s.last_accessed_at is distinct from
            (select max(occurred_at) from access_events e where e.secret_id = s.id)`,
      ),
    ).toBe(0);
    const since90 = new Date(now.getTime() - 90 * DAY_MS);
    expect(
      await value(database, sql`select count(*) as n from secrets where tier = 4 and last_accessed_at < ${since90}`),
    ).toBeGreaterThanOrEqual(1);
    expect(
      await value(
        database,
        sql`select count(distinct secret_id) as n from access_events
            where actor like '%:user/jonas' and occurred_at >= ${since90} and secret_id is not null`,
      ),
    ).toBeGreaterThanOrEqual(2);
  });

  it("fills the rotation calendar: overdue and upcoming tasks, each with an owner but one gap, and a year of history", async () => {
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
    expect(await value(database, sql`select count(*) as n from rotation_policies`)).toBe(12);
  });

  it("is what the daily job keeps: running it on the seeded day changes nothing", async () => {
    expect(await rotationOpenTasksJob(database.db, now)).toBe(0);
  });

  it("adds nothing when seeded a second time without reset", async () => {
    const before = await value(database, sql`select count(*) as n from secrets`);
    expect(await seedDemo(database, { now })).toEqual({ seeded: false });
    expect(await value(database, sql`select count(*) as n from secrets`)).toBe(before);
  });

  it("gives the same company for the same `now`, and reset seeds again at any size", async () => {
    const other = await createTestDatabase();
    try {
      const again = await seedDemo(other, { now, accessEvents: 2_000 });
      expect(again.seeded).toBe(true);
      expect(await secretNamesAndTiers(other)).toEqual(await secretNamesAndTiers(database));
      expect(await rotationCalendar(other)).toEqual(await rotationCalendar(database));

      const larger = await seedDemo(other, { now, reset: true, secrets: 400, accessEvents: 5_000 });
      expect(larger).toMatchObject({ seeded: true, counts: { secrets: 400, sources: 6, accessEvents: 5_000 } });
      expect(await value(other, sql`select count(*) as n from secrets`)).toBe(400);
      expect(await value(other, sql`select count(*) as n from access_events`)).toBe(5_000);
      // A reset empties the policy table with the people it names; the seed puts the defaults back.
      expect(await value(other, sql`select count(*) as n from rotation_policies`)).toBe(12);
      expect(await value(other, sql`select count(*) as n from rotation_settings`)).toBe(1);
      expect(
        await value(
          other,
          sql`select count(*) as n from role_assignments ra join people p on p.id = ra.person_id
              where p.email = 'jonas@lumenpay.example' and ra.role = 'operator'`,
        ),
      ).toBe(3);
    } finally {
      await other.close();
    }
  });
});

describe("factories", () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database?.close());

  it("fill unique defaults, take overrides and return the inserted rows", async () => {
    const { db } = database;
    const [first, second] = [await createPerson(db), await createPerson(db)];
    expect(first.email).not.toBe(second.email);
    const source = await createSource(db, { kind: "vault", name: "Vault KV · test" });
    expect(source).toMatchObject({ kind: "vault", name: "Vault KV · test", enabled: true });

    const secret = await createSecret(db, { sourceId: source.id, name: "prod/payments/stripe-key", tier: 1 });
    const other = await createSecret(db, { sourceId: source.id });
    expect(secret).toMatchObject({ sourceId: source.id, name: "prod/payments/stripe-key", tier: 1, environment: null });
    expect(other.externalId).not.toBe(secret.externalId);

    const role = await assignRole(db, { secretId: secret.id, role: "operator", personId: first.id, assignedBy: second.id });
    expect(role).toMatchObject({ secretId: secret.id, role: "operator", personId: first.id, assignedBy: second.id });

    const consumer = await createConsumer(db, { kind: "job" });
    await createConsumer(db);
    await linkConsumer(db, { secretId: secret.id, consumerId: consumer.id });
    expect(await value(database, sql`select count(*) as n from secret_consumers where secret_id = ${secret.id}`)).toBe(1);

    const laptop = await createLocation(db, { secretId: secret.id, kind: "laptop", sanctioned: false, personId: first.id });
    const store = await createLocation(db, { secretId: secret.id });
    expect(laptop).toMatchObject({ kind: "laptop", sanctioned: false, personId: first.id, foundBy: "declared" });
    expect(store).toMatchObject({ kind: "store", sanctioned: true });
  });
});
