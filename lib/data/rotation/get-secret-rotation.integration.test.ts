// One secret's rotation on a real database: the policy row it falls under, the strictest row when
// its tier or environment is unknown, an override with its reason and who set it, exempt (short-lived
// or by override), the last rotation's basis, the next due date, the open task and closed ones; and
// scope — an owner sees only secrets they hold a role on, a role without rotation:read sees nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import type { Person, Secret, Source } from "@/db/schema";
import { assignRole, createPerson, createSecret, createSource } from "@/db/seed/factories";
import { completeRotationTask } from "@/lib/data/rotation/complete-rotation-task";
import { getSecretRotation } from "@/lib/data/rotation/get-secret-rotation";
import { openDueTasks } from "@/lib/data/rotation/open-due-tasks";
import { setRotationOverride } from "@/lib/data/rotation/set-rotation-override";
import { skipRotationTask } from "@/lib/data/rotation/skip-rotation-task";
import { actorOf } from "@/test/actors";
import { createTestDatabase } from "@/test/database";

const DAY = 86_400_000;
const now = new Date();
const daysAgo = (n: number, from = now) => new Date(from.getTime() - n * DAY);
const iso = (d: Date) => d.toISOString();

let database: Database;
let source: Source;
let admin: Person, owner: Person, stranger: Person, sales: Person;

async function secretFor(values: Partial<Secret> = {}) {
  const secret = await createSecret(database.db, { sourceId: source.id, tier: 3, environment: "staging", lifetime: "static", ...values });
  await assignRole(database.db, { secretId: secret.id, role: "operator", personId: owner.id });
  return secret;
}
const read = (secret: Secret, person: Person = admin, at = now) => getSecretRotation({ actor: actorOf(person), id: secret.id, db: database.db, now: at });

beforeAll(async () => {
  database = await createTestDatabase();
  [admin, owner, stranger, sales] = await Promise.all([
    createPerson(database.db, { role: "admin", name: "Sam Admin" }),
    createPerson(database.db, { role: "owner" }),
    createPerson(database.db, { role: "owner" }),
    createPerson(database.db, { role: "sales" }),
  ]);
  source = await createSource(database.db);
});
afterAll(() => database.close());

describe("getSecretRotation", () => {
  it("holds a secret to its tier × environment row, counts from the store's rotation, and shows the open task", async () => {
    const secret = await secretFor({ tier: 2, environment: "prod", lastRotatedAt: daysAgo(175) }); // 180 days: due in 5
    await openDueTasks({ db: database.db, now });
    const rotation = await read(secret, owner);
    expect(rotation?.effective).toMatchObject({ exempt: false, intervalDays: 180, graceDays: 14, requiresApproval: false, overridden: false });
    expect(rotation?.row).toEqual({ tier: 2, environment: "prod", unknown: [], intervalDays: 180, graceDays: 14, requiresApproval: false });
    expect(rotation?.override).toBeNull();
    expect(rotation?.lastRotation).toEqual({ basis: "store", at: iso(daysAgo(175)) });
    expect(rotation?.nextDue).toEqual({ dueAt: iso(daysAgo(-5)), graceUntil: iso(daysAgo(-19)), overdue: false, opensAt: iso(daysAgo(9)) });
    expect(rotation?.open).toHaveLength(1);
    expect(rotation?.open[0]).toMatchObject({ status: "open", dueAt: iso(daysAgo(-5)), assignee: { id: owner.id } });
    expect(rotation?.closed).toEqual([]);
  });

  it("holds a secret of unknown tier to the strictest row of its environment, and one of unknown everything to the strictest of all (tier 1 production's numbers)", async () => {
    const noTier = await secretFor({ tier: null, environment: "staging", createdInSourceAt: daysAgo(10) });
    expect((await read(noTier))?.row).toEqual({ tier: null, environment: "staging", unknown: ["tier"], intervalDays: 180, graceDays: 14, requiresApproval: false });
    expect((await read(noTier))?.lastRotation).toEqual({ basis: "created_in_source", at: iso(daysAgo(10)) });

    const nothing = await secretFor({ tier: null, environment: null });
    const rotation = await read(nothing);
    expect(rotation?.row).toMatchObject({ tier: null, environment: null, unknown: ["tier", "environment"], intervalDays: 90, graceDays: 7, requiresApproval: true });
    expect(rotation?.effective).toMatchObject({ exempt: false, intervalDays: 90, requiresApproval: true });
    expect(rotation?.lastRotation.basis).toBe("registered");
  });

  it("shows an override with its reason, who set it and when, and the due date it gives", async () => {
    const secret = await secretFor({ tier: 2, environment: "prod", lastRotatedAt: daysAgo(50) });
    const setAt = daysAgo(1);
    await setRotationOverride({ actor: actorOf(admin), secretId: secret.id, input: { intervalDays: 30, reason: "PCI scope" }, db: database.db, now: setAt });
    const rotation = await read(secret);
    expect(rotation?.effective).toMatchObject({ exempt: false, intervalDays: 30, graceDays: 14, overridden: true });
    expect(rotation?.row).toMatchObject({ tier: 2, environment: "prod", intervalDays: 180 });
    expect(rotation?.override).toEqual({ intervalDays: 30, graceDays: null, exempt: false, reason: "PCI scope", setAt: iso(setAt), setBy: { id: admin.id, name: "Sam Admin" } });
    expect(rotation?.nextDue).toMatchObject({ dueAt: iso(daysAgo(20)), overdue: true });
    expect(rotation?.open[0]?.dueAt).toBe(iso(daysAgo(20)));
  });

  it("says why a secret is exempt — short-lived, or by override with its reason — and gives no due date", async () => {
    const shortLived = await secretFor({ lifetime: "short_lived", lastRotatedAt: daysAgo(400) });
    const shortRotation = await read(shortLived);
    expect(shortRotation?.effective).toMatchObject({ exempt: true, why: "short_lived" });
    expect(shortRotation?.row).toBeNull();
    expect(shortRotation?.nextDue).toBeNull();

    const exempted = await secretFor({ tier: 1, environment: "prod", lastRotatedAt: daysAgo(100) });
    await openDueTasks({ db: database.db, now });
    await setRotationOverride({ actor: actorOf(admin), secretId: exempted.id, input: { exempt: true, reason: "Replaced by OIDC federation" }, db: database.db, now });
    const rotation = await read(exempted);
    expect(rotation?.effective).toEqual({ exempt: true, why: "override", reason: "Replaced by OIDC federation" });
    expect(rotation?.row).toMatchObject({ tier: 1, environment: "prod", intervalDays: 90 });
    expect(rotation?.override).toMatchObject({ exempt: true, reason: "Replaced by OIDC federation" });
    expect(rotation?.nextDue).toBeNull();
    expect(rotation?.open).toEqual([]);
    expect(rotation?.closed[0]).toMatchObject({ status: "skipped", outcome: "skipped", skippedReason: "Exempt from rotation: Replaced by OIDC federation" });
  });

  it("lists closed tasks newest first as done on time, late or skipped, and counts from the recorded rotation", async () => {
    const secret = await secretFor({ tier: 3, environment: "dev", lastRotatedAt: daysAgo(1100) }); // 365 days
    const first = daysAgo(735 - 5); // a year-old rotation due at 735 days ago, done 5 days late
    await openDueTasks({ db: database.db, now: first });
    const [late] = (await read(secret, admin, first))!.open;
    await completeRotationTask({ actor: actorOf(owner), taskId: late!.id, note: "Rotated by hand", db: database.db, now: first });
    const second = daysAgo(370); // the next is due at 365 days ago: skipped before it
    await openDueTasks({ db: database.db, now: second });
    const [skipped] = (await read(secret, admin, second))!.open;
    await skipRotationTask({ actor: actorOf(owner), taskId: skipped!.id, reason: "Freeze for the audit", db: database.db, now: second });
    const rotation = await read(secret);
    expect(rotation?.closed.map((t) => [t.outcome, t.daysLate])).toEqual([
      ["skipped", 0],
      ["late", 5],
    ]);
    expect(rotation?.closed[0]?.skippedReason).toBe("Freeze for the audit");
    expect(rotation?.lastRotation).toEqual({ basis: "recorded", at: iso(first) });
  });

  it("answers null for a secret the owner holds no role on, and for a role without rotation:read", async () => {
    const secret = await secretFor();
    expect(await read(secret, stranger)).toBeNull();
    expect(await read(secret, sales)).toBeNull();
    expect(await getSecretRotation({ actor: actorOf(admin), id: "00000000-0000-4000-8000-000000000000", db: database.db, now })).toBeNull();
  });
});
