import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createTestDatabase } from "@/test/database";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe("registry schema", () => {
  it("has no column that could hold a secret value", async () => {
    const { rows } = await database.pool.query<{ table_name: string; column_name: string }>(
      `select table_name, column_name from information_schema.columns where table_schema = 'public'`,
    );
    expect(rows.length).toBeGreaterThan(50);
    const suspicious = rows.filter((r) => /value|plaintext|ciphertext|payload|secret_string|secret_binary|password/.test(r.column_name));
    // app_meta.value holds installation facts (seed version), never a secret.
    expect(suspicious.map((r) => `${r.table_name}.${r.column_name}`)).toEqual(["app_meta.value"]);
  });

  it("partitions access events by month and creates months on demand", async () => {
    const { rows } = await database.pool.query(
      `select partstrat from pg_partitioned_table where partrelid = 'access_events'::regclass`,
    );
    expect(rows).toEqual([{ partstrat: "r" }]);
    const created = await database.pool.query<{ n: number }>(
      `select keyledger_ensure_access_event_partitions('2024-01-15Z', '2024-03-02Z') as n`,
    );
    expect(created.rows[0]?.n).toBe(3);
    const again = await database.pool.query<{ n: number }>(
      `select keyledger_ensure_access_event_partitions('2024-01-01Z', '2024-03-31Z') as n`,
    );
    expect(again.rows[0]?.n).toBe(0);
    const parts = await database.pool.query<{ name: string; bound: string }>(
      `select c.relname as name, pg_get_expr(c.relpartbound, c.oid) as bound from pg_inherits i
       join pg_class c on c.oid = i.inhrelid where i.inhparent = 'access_events'::regclass and c.relname like 'access_events_2024_%'
       order by 1`,
    );
    expect(parts.rows.map((p) => p.name)).toEqual(["access_events_2024_01", "access_events_2024_02", "access_events_2024_03"]);
    expect(parts.rows[0]?.bound).toContain("2024-01-01 00:00:00+00");
  });

  it("rejects a duplicate access event by (source kind, raw id)", async () => {
    // Whatever today is: the test makes the partition its row needs instead of assuming one exists.
    const at = new Date(Date.now() - 24 * 60 * 60 * 1000).toISOString();
    await database.pool.query(`select keyledger_ensure_access_event_partitions($1, $1)`, [at]);
    const insert = `insert into access_events (occurred_at, source_kind, raw_id, action, raw_action, result, actor, actor_type)
      values ($1, 'vault', 'req-1', 'read', 'read', 'success', 'entity-1', 'workload')`;
    await database.pool.query(insert, [at]);
    await expect(database.pool.query(insert, [at])).rejects.toThrow(/duplicate key/);
  });

  it("rejects an action outside the normalized vocabulary", async () => {
    await expect(
      database.pool.query(`insert into access_events (occurred_at, source_kind, raw_id, action, raw_action, result, actor, actor_type)
        values (now(), 'vault', 'req-2', 'peek', 'read', 'success', 'e', 'workload')`),
    ).rejects.toThrow(/access_events_action_check/);
  });
});
