// Who gets in: only active people in the registry, plus ADMIN_EMAILS for the very first admin.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createPerson } from "@/db/seed/factories";
import { authOptions } from "@/lib/auth/options";
import { findPersonByEmail } from "@/lib/data/people/find-person-by-email";
import { useTestDatabase } from "@/test/database";

let database: Database;

beforeAll(async () => {
  database = await useTestDatabase();
  process.env.ADMIN_EMAILS = "First.Admin@Acme.test";
  process.env.NEXTAUTH_SECRET = "x".repeat(32);
  await createPerson(database.db, { email: "dana@acme.test", role: "owner" });
  await createPerson(database.db, { email: "gone@acme.test", status: "offboarded" });
});
afterAll(() => database.close());

const signIn = (email: string | null, name = "Someone") =>
  authOptions().callbacks!.signIn!({ user: { id: "idp-subject", email, name }, account: null } as never);

describe("sign-in admission", () => {
  it("admits an active person in the registry, whatever the letter case", async () => {
    expect(await signIn("dana@acme.test")).toBe(true);
    expect(await signIn("DANA@acme.test")).toBe(true);
  });

  it("refuses someone who is not in the registry, or who has no e-mail", async () => {
    expect(await signIn("mallory@evil.test")).toBe(false);
    expect(await signIn(null)).toBe(false);
  });

  it("refuses an offboarded person", async () => {
    expect(await signIn("gone@acme.test")).toBe(false);
  });

  it("lets an ADMIN_EMAILS address in as the first admin, once", async () => {
    expect(await signIn("first.admin@acme.test", "First Admin")).toBe(true);
    const person = await findPersonByEmail({ email: "first.admin@acme.test", db: database.db });
    expect(person).toMatchObject({ role: "admin", status: "active", name: "First Admin" });
    expect(await signIn("First.Admin@acme.test")).toBe(true);
    const again = await database.pool.query("select count(*)::int as n from people where lower(email) = 'first.admin@acme.test'");
    expect(again.rows[0].n).toBe(1);
  });
});
