// Who gets in: only active people in the registry, plus ADMIN_EMAILS for the very first admin; by
// the demo sign-in only the demo personas. And a session lives exactly as long as its row.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import type { Person } from "@/db/schema";
import { createPerson } from "@/db/seed/factories";
import { authorizeDemoPersona } from "@/lib/auth/demo-sign-in";
import { authOptions } from "@/lib/auth/options";
import { createAuthSession } from "@/lib/data/auth/create-auth-session";
import { endAuthSession } from "@/lib/data/auth/end-auth-session";
import { findPersonByEmail } from "@/lib/data/people/find-person-by-email";
import { getActiveActor } from "@/lib/data/people/get-active-actor";
import { offboardPerson } from "@/lib/data/people/offboard-person";
import { actorOf } from "@/test/actors";
import { useTestDatabase } from "@/test/database";

let database: Database;
let persona: Person, otherAdmin: Person, offboardedPersona: Person;

beforeAll(async () => {
  database = await useTestDatabase();
  process.env.ADMIN_EMAILS = "First.Admin@Acme.test";
  process.env.NEXTAUTH_SECRET = "x".repeat(32);
  await createPerson(database.db, { email: "dana@acme.test", role: "owner" });
  await createPerson(database.db, { email: "gone@acme.test", status: "offboarded" });
  persona = await createPerson(database.db, { email: "sam@lumenpay.example", role: "admin", demoPersona: true });
  otherAdmin = await createPerson(database.db, { email: "arjun@lumenpay.example", role: "admin" });
  offboardedPersona = await createPerson(database.db, { email: "jonas@lumenpay.example", demoPersona: true, status: "offboarded" });
});
afterAll(() => database.close());

const callbacks = () => authOptions().callbacks!;
const signIn = (email: string | null, name = "Someone", provider?: string) =>
  callbacks().signIn!({ user: { id: "idp-subject", email, name }, account: provider ? { provider, type: provider === "demo" ? "credentials" : "oauth" } : null } as never);

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

describe("demo sign-in", () => {
  it("admits an active demo persona", async () => {
    expect(await authorizeDemoPersona({ email: " SAM@lumenpay.example " })).toEqual({ id: persona.id, email: persona.email, name: persona.name });
    expect(await signIn(persona.email, persona.name, "demo")).toBe(true);
  });

  it("refuses every other registry person, an admin included, and an offboarded persona", async () => {
    for (const email of [otherAdmin.email, "dana@acme.test", offboardedPersona.email, "nobody@lumenpay.example", ""]) {
      expect(await authorizeDemoPersona({ email })).toBeNull();
    }
    expect(await signIn(otherAdmin.email, otherAdmin.name, "demo")).toBe(false);
  });

  it("never creates an ADMIN_EMAILS admin through the demo", async () => {
    expect(await signIn("first.admin.2@acme.test", "Mallory", "demo")).toBe(false);
    expect(await findPersonByEmail({ email: "first.admin.2@acme.test", db: database.db })).toBeNull();
  });
});

describe("sessions", () => {
  const jwt = (email: string) => callbacks().jwt!({ token: { email }, user: { id: "x", email }, account: { provider: "demo", type: "credentials" } } as never);

  it("opens a session row at sign-in and puts its id in the token", async () => {
    const token = await jwt(persona.email);
    expect(token.personId).toBe(persona.id);
    expect(await getActiveActor({ personId: persona.id, sessionId: token.sessionId as string })).toMatchObject({ id: persona.id, role: "admin" });
  });

  it("ends it at sign-out: the same token no longer names an actor", async () => {
    const token = await jwt(persona.email);
    await authOptions().events!.signOut!({ token, session: null } as never);
    expect(await getActiveActor({ personId: persona.id, sessionId: token.sessionId as string })).toBeNull();
    expect(await endAuthSession({ sessionId: token.sessionId as string, reason: "sign_out" })).toBe(false);
  });

  it("refuses an expired session, one of someone else, and a token without a session", async () => {
    const expired = await createAuthSession({ personId: persona.id, provider: "demo", maxAgeSeconds: 60, now: new Date(Date.now() - 120_000) });
    expect(await getActiveActor({ personId: persona.id, sessionId: expired })).toBeNull();
    const theirs = await createAuthSession({ personId: otherAdmin.id, provider: "oidc", maxAgeSeconds: 60 });
    expect(await getActiveActor({ personId: persona.id, sessionId: theirs })).toBeNull();
    expect(await getActiveActor({ personId: persona.id, sessionId: "" })).toBeNull();
  });

  it("ends every session of a person who is offboarded", async () => {
    const leaver = await createPerson(database.db, { email: "leaver@acme.test", role: "owner" });
    const sessions = [await createAuthSession({ personId: leaver.id, provider: "oidc", maxAgeSeconds: 3600 }), await createAuthSession({ personId: leaver.id, provider: "github", maxAgeSeconds: 3600 })];
    await offboardPerson({ actor: actorOf(persona), personId: leaver.id, reassignments: [], db: database.db });
    const rows = await database.pool.query("select ended_reason from auth_sessions where person_id = $1", [leaver.id]);
    expect(rows.rows.map((r) => r.ended_reason)).toEqual(["offboarded", "offboarded"]);
    expect(sessions).toHaveLength(2);
  });
});
