import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { roleAssignments, type Person, type Secret } from "@/db/schema";
import { assignRole as seedRole, createPerson, createSecret, createSource } from "@/db/seed/factories";
import { assignRole, clearRole } from "@/lib/data/ownership/assign-role";
import { AppError } from "@/lib/errors";
import { actorOf } from "@/test/actors";
import { createTestDatabase } from "@/test/database";

let database: Database;
let admin: Person, approver: Person, operator: Person, bystander: Person, gone: Person, auditor: Person, founder: Person;
let secret: Secret, unrelated: Secret;

const holderOf = async (secretId: string, role: "operator" | "approver" | "creator" | "incident_commander") => {
  const [row] = await database.db.select().from(roleAssignments).where(and(eq(roleAssignments.secretId, secretId), eq(roleAssignments.role, role)));
  return row?.personId ?? null;
};
const codeOf = (promise: Promise<unknown>) => promise.then(() => "ok", (e: unknown) => (e instanceof AppError ? e.code : String(e)));

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  [admin, approver, operator, bystander, gone, auditor, founder] = await Promise.all([
    createPerson(db, { role: "admin" }),
    createPerson(db, { role: "owner" }),
    createPerson(db, { role: "owner" }),
    createPerson(db, { role: "owner" }),
    createPerson(db, { role: "owner", status: "offboarded" }),
    createPerson(db, { role: "auditor" }),
    createPerson(db, { role: "founder" }),
  ]);
  const source = await createSource(db);
  secret = await createSecret(db, { sourceId: source.id, name: "prod/db/admin" });
  unrelated = await createSecret(db, { sourceId: source.id, name: "prod/other" });
  await seedRole(db, { secretId: secret.id, role: "approver", personId: approver.id });
  await seedRole(db, { secretId: secret.id, role: "operator", personId: operator.id });
  await seedRole(db, { secretId: unrelated.id, role: "creator", personId: bystander.id });
});
afterAll(() => database.close());

describe("assignRole", () => {
  it("lets an admin assign any role and reports what changed", async () => {
    const change = await assignRole({ actor: actorOf(admin), db: database.db, secretId: secret.id, role: "incident_commander", personId: bystander.id });
    expect(change).toMatchObject({ previousPersonId: null, personId: bystander.id, secretName: "prod/db/admin" });
    expect(await holderOf(secret.id, "incident_commander")).toBe(bystander.id);
  });

  it("lets the secret's approver reassign its operator", async () => {
    const change = await assignRole({ actor: actorOf(approver), db: database.db, secretId: secret.id, role: "operator", personId: bystander.id });
    expect(change.previousPersonId).toBe(operator.id);
    expect(await holderOf(secret.id, "operator")).toBe(bystander.id);
  });

  it("refuses an owner who can see the secret but does not approve it (403), and hides one they cannot see (404)", async () => {
    expect(await codeOf(assignRole({ actor: actorOf(bystander), db: database.db, secretId: secret.id, role: "creator", personId: bystander.id }))).toBe("forbidden");
    expect(await codeOf(assignRole({ actor: actorOf(operator), db: database.db, secretId: unrelated.id, role: "creator", personId: operator.id }))).toBe("not_found");
    expect(await holderOf(secret.id, "creator")).toBeNull();
  });

  it("refuses read-only roles and founders who do not approve", async () => {
    expect(await codeOf(assignRole({ actor: actorOf(auditor), db: database.db, secretId: secret.id, role: "creator", personId: admin.id }))).toBe("forbidden");
    expect(await codeOf(assignRole({ actor: actorOf(founder), db: database.db, secretId: secret.id, role: "creator", personId: admin.id }))).toBe("forbidden");
  });

  it("refuses to give a role to an offboarded or unknown person, naming the field", async () => {
    for (const personId of [gone.id, "00000000-0000-4000-8000-000000000000"]) {
      const error = await assignRole({ actor: actorOf(admin), db: database.db, secretId: secret.id, role: "creator", personId }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).fields[0]?.field).toBe("body.personId");
    }
    expect(await holderOf(secret.id, "creator")).toBeNull();
  });

  it("refuses an approver who would make themselves operator, naming the field; nothing changes", async () => {
    const before = await holderOf(secret.id, "operator");
    const error = await assignRole({ actor: actorOf(approver), db: database.db, secretId: secret.id, role: "operator", personId: approver.id }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "invalid_input", status: 422, message: expect.stringContaining("you cannot make yourself its operator") });
    expect((error as AppError).fields).toEqual([{ field: "body.personId", message: (error as AppError).message }]);
    expect(await holderOf(secret.id, "operator")).toBe(before);
  });

  it("refuses an approver who would hand the approver role to the operator (operator = approver)", async () => {
    const current = (await holderOf(secret.id, "operator"))!;
    const error = await assignRole({ actor: actorOf(approver), db: database.db, secretId: secret.id, role: "approver", personId: current }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "invalid_input", fields: [{ field: "body.personId", message: expect.stringContaining("the approver must be someone else") }] });
    expect(await holderOf(secret.id, "approver")).toBe(approver.id);
  });

  it("lets an admin make one person operator and approver, and says it is a conflict", async () => {
    const change = await assignRole({ actor: actorOf(admin), db: database.db, secretId: secret.id, role: "operator", personId: approver.id });
    expect(change).toMatchObject({ personId: approver.id, conflict: true });
    expect(await holderOf(secret.id, "operator")).toBe(approver.id);
    const fixed = await assignRole({ actor: actorOf(admin), db: database.db, secretId: secret.id, role: "operator", personId: operator.id });
    expect(fixed.conflict).toBe(false);
  });

  it("clears a role, leaving a visible gap", async () => {
    const change = await clearRole({ actor: actorOf(admin), db: database.db, secretId: secret.id, role: "incident_commander" });
    expect(change).toMatchObject({ previousPersonId: bystander.id, personId: null });
    expect(await holderOf(secret.id, "incident_commander")).toBeNull();
  });
});
