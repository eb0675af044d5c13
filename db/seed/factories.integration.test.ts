import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { value } from "@/db/seed/demo-company-test-setup";
import {
  assignRole,
  createConsumer,
  createLocation,
  createPerson,
  createSecret,
  createSource,
  linkConsumer,
} from "@/db/seed/factories";
import { createTestDatabase } from "@/test/database";

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
