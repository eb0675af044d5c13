import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { seedDemo } from "@/db/seed";
import { DAY_MS, now, rows, useSeededDemo, value } from "@/db/seed/demo-company-test-setup";
import { createTestDatabase } from "@/test/database";

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

describe("seedDemo (Lumen Pay): registry, people and ownership", () => {
  const demo = useSeededDemo();

  it("seeds the registry and reports counts that match the tables", async () => {
    const { database, result } = demo;
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
    const { database } = demo;
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

  it("marks exactly the five sign-in personas as demo personas, not the other admins", async () => {
    const { database } = demo;
    const marked = await rows<{ email: string }>(database, sql`select email from people where demo_persona order by email`);
    expect(marked.map((r) => r.email)).toEqual([
      "erin@lumenpay.example",
      "leo@lumenpay.example",
      "maya@lumenpay.example",
      "priya@lumenpay.example",
      "sam@lumenpay.example",
    ]);
    expect(await value(database, sql`select count(*) as n from people where role = 'admin' and not demo_persona`)).toBeGreaterThan(0);
  });

  it("keeps the offboarded contractor as operator of exactly three secrets", async () => {
    const { database } = demo;
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
    const { database } = demo;
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
    const { database } = demo;
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
    const { database } = demo;
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
    const { database } = demo;
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

  it("adds nothing when seeded a second time without reset", async () => {
    const { database } = demo;
    const before = await value(database, sql`select count(*) as n from secrets`);
    expect(await seedDemo(database, { now })).toEqual({ seeded: false });
    expect(await value(database, sql`select count(*) as n from secrets`)).toBe(before);
  });

  it("gives the same company for the same `now`, and reset seeds again at any size", async () => {
    const { database } = demo;
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
