// Offboarding on a real database: the plan (roles with suggested holders; secrets to rotate because
// they held a role or read/changed them in the last 90 days, matched by e-mail), then the offboarding
// itself in one transaction — and every bad input refused with the field named and nothing changed.
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { accessEvents, people, roleAssignments, type Person, type Secret } from "@/db/schema";
import { calendarFeeds, rotationTasks } from "@/db/schema-rotation";
import { assignRole, createPerson, createSecret, createSource } from "@/db/seed/factories";
import { createCalendarFeed } from "@/lib/data/calendar-feeds/create-calendar-feed";
import { getOffboardingPlan } from "@/lib/data/people/get-offboarding-plan";
import { offboardPerson, type Reassignment } from "@/lib/data/people/offboard-person";
import { openDueTasks } from "@/lib/data/rotation/open-due-tasks";
import { openRotateNowTask } from "@/lib/data/rotation/open-rotate-now-task";
import { actorOf } from "@/test/actors";
import { failure } from "@/test/app-errors";
import { createTestDatabase } from "@/test/database";

const DAY = 86_400_000;
const now = new Date();
const daysAgo = (n: number) => new Date(now.getTime() - n * DAY);
const day = (d: Date) => d.toISOString().slice(0, 10);

let database: Database;
let admin: Person, otherAdmin: Person, dana: Person, noah: Person, colleague: Person, seller: Person, gone: Person, owner: Person;
let dbAdmin: Secret, billing: Secret, wiki: Secret, readOnly: Secret, changed: Secret, old: Secret, denied: Secret, viaKeyledger: Secret, byWorkload: Secret;
let scheduledTaskId: string;

async function accessEvent(args: { secret: Secret; actor: string; at: Date; action?: string; result?: string; sourceKind?: string }) {
  const { secret, actor, at, action = "read", result = "success", sourceKind = "vault" } = args;
  await database.pool.query(
    `insert into access_events (occurred_at, source_kind, raw_id, secret_id, secret_ref, action, raw_action, result, actor, actor_type)
     values ($1, $2, gen_random_uuid()::text, $3, $4, $5, $5, $6, $7, 'human')`,
    [at, sourceKind, secret.id, secret.name, action, result, actor],
  );
  await database.pool.query(`insert into access_event_subjects (kind, subject) values ('actor', $1) on conflict do nothing`, [actor]);
}

/** Everything offboarding could change, to prove a refusal changed none of it. */
async function snapshot() {
  const db = database.db;
  return {
    person: (await db.select({ status: people.status, at: people.offboardedAt }).from(people).where(eq(people.id, dana.id)))[0],
    roles: await db.select().from(roleAssignments).orderBy(roleAssignments.secretId, roleAssignments.role),
    tasks: await db.select().from(rotationTasks).orderBy(rotationTasks.id),
    feeds: await db.select({ id: calendarFeeds.id, revokedAt: calendarFeeds.revokedAt }).from(calendarFeeds).orderBy(calendarFeeds.id),
    events: (await db.select({ n: sql<number>`count(*)::int` }).from(accessEvents))[0]?.n,
  };
}

/** Every role Dana holds, to the suggested holder. */
const suggested = async (): Promise<Reassignment[]> =>
  (await getOffboardingPlan({ actor: actorOf(admin), personId: dana.id, db: database.db, now })).roles.map((r) => ({ secretId: r.secretId, role: r.role, personId: r.suggestion?.personId ?? null }));

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  [admin, otherAdmin, dana, noah, colleague, seller, gone, owner] = await Promise.all([
    createPerson(db, { role: "admin", name: "Ada Admin", team: "Security" }),
    createPerson(db, { role: "admin", name: "Otto Admin", team: "Security" }),
    createPerson(db, { role: "owner", name: "Dana Ruiz", email: `Dana.Ruiz-${Date.now()}@Example.test`, team: "Support" }),
    createPerson(db, { role: "owner", name: "Noah Fischer", team: "Support" }),
    createPerson(db, { role: "owner", name: "Cleo Colleague", team: "Platform" }),
    createPerson(db, { role: "sales", name: "Sam Seller", team: "Support" }),
    createPerson(db, { role: "owner", name: "Gus Gone", team: "Support", status: "offboarded" }),
    createPerson(db, { role: "owner", name: "Olga Owner", team: "Platform" }),
  ]);
  const source = await createSource(db, { name: "Vault KV" });
  const secret = (name: string, extra: Partial<Secret> = {}) => createSecret(db, { sourceId: source.id, name, tier: 2, environment: "prod", lifetime: "static", ...extra });
  [dbAdmin, billing, wiki, readOnly, changed, old, denied, viaKeyledger, byWorkload] = await Promise.all([
    secret("prod/db/admin", { tier: 1, lastRotatedAt: daysAgo(400) }),
    secret("prod/billing/stripe"),
    secret("prod/wiki/token", { tier: 4 }),
    secret("prod/crm/hubspot"),
    secret("prod/mail/postmark"),
    secret("prod/old/readonly"),
    secret("prod/denied/key"),
    secret("prod/keyledger/only"),
    secret("prod/workload/only"),
  ]);
  // prod/db/admin: Dana operates it; Cleo created it; Noah approves it (so Noah cannot be its operator too).
  await assignRole(db, { secretId: dbAdmin.id, role: "operator", personId: dana.id });
  await assignRole(db, { secretId: dbAdmin.id, role: "creator", personId: colleague.id });
  await assignRole(db, { secretId: dbAdmin.id, role: "approver", personId: noah.id });
  // prod/billing/stripe: Dana alone, as operator and approver.
  await assignRole(db, { secretId: billing.id, role: "operator", personId: dana.id });
  await assignRole(db, { secretId: billing.id, role: "approver", personId: dana.id });
  // prod/wiki/token: Dana created it, and read it 10 days ago.
  await assignRole(db, { secretId: wiki.id, role: "creator", personId: dana.id });
  // Noah holds the most roles in Support; the sales teammate holds none it could work.
  await assignRole(db, { secretId: readOnly.id, role: "operator", personId: noah.id });
  await assignRole(db, { secretId: changed.id, role: "operator", personId: owner.id });

  await database.pool.query(`select keyledger_ensure_access_event_partitions($1, $2)`, [daysAgo(120), now]);
  const email = dana.email.toLowerCase();
  await accessEvent({ secret: wiki, actor: dana.email, at: daysAgo(10) });
  await accessEvent({ secret: wiki, actor: dana.email, at: daysAgo(40) });
  await accessEvent({ secret: readOnly, actor: `oidc/${email}`, at: daysAgo(5) }); // Vault OIDC, other case
  await accessEvent({ secret: changed, actor: email.toUpperCase(), at: daysAgo(30), action: "update" });
  await accessEvent({ secret: changed, actor: email, at: daysAgo(31), action: "describe" });
  await accessEvent({ secret: old, actor: email, at: daysAgo(100) }); // outside the 90 days
  await accessEvent({ secret: denied, actor: email, at: daysAgo(3), result: "failure" }); // never got the value
  await accessEvent({ secret: viaKeyledger, actor: email, at: daysAgo(2), sourceKind: "keyledger", action: "rotate" }); // Keyledger handles no value
  await accessEvent({ secret: byWorkload, actor: "approle/support-bot", at: daysAgo(1) });
  await accessEvent({ secret: byWorkload, actor: `x${email}`, at: daysAgo(1) }); // another address that merely ends like hers

  // Dana acknowledged the scheduled rotation of prod/db/admin; Noah's CRM key already has a rotate-now task.
  await openDueTasks({ db, now });
  const [task] = await db.select().from(rotationTasks).where(eq(rotationTasks.secretId, dbAdmin.id));
  scheduledTaskId = task!.id;
  await db.update(rotationTasks).set({ status: "acknowledged", acknowledgedAt: now, acknowledgedBy: dana.id }).where(eq(rotationTasks.id, scheduledTaskId));
  await openRotateNowTask({ actor: actorOf(admin), secretId: readOnly.id, reason: "Token pasted in #support", db, now });
  await createCalendarFeed({ actor: actorOf(dana), input: { scope: "person", personId: dana.id }, baseUrl: "http://localhost", db });
  await createCalendarFeed({ actor: actorOf(noah), input: { scope: "person", personId: noah.id }, baseUrl: "http://localhost", db });
});
afterAll(() => database.close());

describe("getOffboardingPlan", () => {
  it("lists every role with a suggested holder and why", async () => {
    const plan = await getOffboardingPlan({ actor: actorOf(admin), personId: dana.id, db: database.db, now });
    const roles = plan.roles.map((r) => [r.secretName, r.role, r.suggestion?.name ?? null, r.suggestion?.why ?? null]);
    expect(roles).toEqual([
      ["prod/db/admin", "operator", "Cleo Colleague", "already creator of this secret"],
      ["prod/billing/stripe", "operator", "Noah Fischer", "Support teammate holding the most roles (2)"],
      // Noah will operate it, so he cannot approve it too; the sales teammate cannot work tasks: the admin.
      ["prod/billing/stripe", "approver", "Ada Admin", "you: nobody else on the secret or the team can take it"],
      ["prod/wiki/token", "creator", "Noah Fischer", "Support teammate holding the most roles (2)"],
    ]);
    expect(plan.candidates.map((c) => c.name)).not.toContain("Gus Gone");
    expect(plan.candidates.map((c) => c.name)).not.toContain("Dana Ruiz");
    expect(plan).toMatchObject({ tasksAssignedToThem: 1, feedsToRevoke: 1, windowDays: 90, person: { status: "active" } });
  });

  it("rotates what they held and what they read or changed in the last 90 days, with the reason", async () => {
    const plan = await getOffboardingPlan({ actor: actorOf(admin), personId: dana.id, db: database.db, now });
    const rotations = Object.fromEntries(plan.rotations.map((r) => [r.secretName, r.reason]));
    expect(rotations).toEqual({
      "prod/db/admin": "Offboarding of Dana Ruiz: held operator",
      "prod/billing/stripe": "Offboarding of Dana Ruiz: held operator and approver",
      "prod/crm/hubspot": `Offboarding of Dana Ruiz: read it on ${day(daysAgo(5))}`,
      "prod/mail/postmark": `Offboarding of Dana Ruiz: changed it on ${day(daysAgo(30))}`,
      "prod/wiki/token": `Offboarding of Dana Ruiz: held creator, read it on ${day(daysAgo(10))}`,
    });
    expect(plan.rotations.find((r) => r.secretName === "prod/crm/hubspot")?.rotateNowOpen).toBe(true);
  });

  it("is for admins only, and 404 for nobody", async () => {
    expect(await failure(getOffboardingPlan({ actor: actorOf(owner), personId: dana.id, db: database.db }))).toMatchObject({ status: 403 });
    expect(await failure(getOffboardingPlan({ actor: actorOf(admin), personId: "00000000-0000-4000-8000-000000000000", db: database.db }))).toMatchObject({ status: 404 });
  });
});

describe("offboardPerson refuses bad input and changes nothing", () => {
  const run = (reassignments: Reassignment[], actor = admin, personId = dana.id) => failure(offboardPerson({ actor: actorOf(actor), personId, reassignments, db: database.db, now }));

  it("names each problem with its field", async () => {
    const before = await snapshot();
    const good = await suggested();
    const stranger = "00000000-0000-4000-8000-000000000000";

    const missing = await run(good.slice(1));
    expect(missing).toMatchObject({ status: 400, fields: [{ field: "body.reassignments" }] });
    expect(missing.fields[0]!.message).toContain("Missing: prod/db/admin (operator)");
    expect(missing.fields[0]!.message).toContain("null to leave it empty (a gap)");

    expect(await run([...good, { secretId: readOnly.id, role: "operator", personId: noah.id }])).toMatchObject({
      status: 400,
      fields: [{ field: "body.reassignments.4", message: "Dana does not hold operator on this secret" }],
    });
    expect(await run([...good, good[0]!])).toMatchObject({ status: 400, fields: [{ field: "body.reassignments.4", message: "This role is listed twice" }] });

    const to = (personId: string) => good.map((r, i) => (i === 2 ? { ...r, personId } : r));
    expect(await run(to(gone.id))).toMatchObject({ status: 400, fields: [{ field: "body.reassignments.2.personId", message: "Gus Gone is offboarded and cannot hold a role" }] });
    expect(await run(to(stranger))).toMatchObject({ status: 400, fields: [{ field: "body.reassignments.2.personId", message: "No person with this id" }] });
    expect(await run(to(dana.id))).toMatchObject({ status: 400, fields: [{ field: "body.reassignments.2.personId" }] });

    // Everything wrong at once: every problem is named.
    const all = await run([{ ...good[0]!, personId: gone.id }, { ...good[1]!, personId: stranger }]);
    expect(all.fields.map((f) => f.field)).toEqual(["body.reassignments.0.personId", "body.reassignments.1.personId", "body.reassignments"]);

    expect(await snapshot()).toEqual(before);
  });

  it("refuses offboarding oneself, a non-admin, and nobody", async () => {
    const before = await snapshot();
    expect(await run([], admin, admin.id)).toMatchObject({ status: 400, message: "You cannot offboard yourself: ask another admin to do it" });
    expect(await run(await suggested(), owner)).toMatchObject({ status: 403 });
    expect(await run([], admin, "00000000-0000-4000-8000-000000000000")).toMatchObject({ status: 404 });
    expect(await snapshot()).toEqual(before);
  });
});

describe("offboardPerson", () => {
  it("reassigns, marks offboarded, opens rotate-now tasks with reasons, hands over tasks, revokes feeds and records it all", async () => {
    const plan = await getOffboardingPlan({ actor: actorOf(admin), personId: dana.id, db: database.db, now });
    // The suggestions, except prod/wiki/token's creator: left empty on purpose.
    const reassignments = plan.roles.map((r) => ({ secretId: r.secretId, role: r.role, personId: r.secretId === wiki.id ? null : r.suggestion!.personId }));
    const result = await offboardPerson({ actor: actorOf(admin), personId: dana.id, reassignments, db: database.db, now, context: { rawId: "req-9", sourceIp: "10.0.0.9", userAgent: "test" } });

    expect(result.person).toMatchObject({ id: dana.id, status: "offboarded", offboardedAt: now.toISOString() });
    expect(result).toMatchObject({ gaps: 1, tasksHandedOver: 1, feedsRevoked: 1 });
    expect(result.reassigned.map((r) => [r.secretName, r.role, r.to?.name ?? null])).toEqual([
      ["prod/db/admin", "operator", "Cleo Colleague"],
      ["prod/billing/stripe", "operator", "Noah Fischer"],
      ["prod/billing/stripe", "approver", "Ada Admin"],
      ["prod/wiki/token", "creator", null],
    ]);

    const holders = await database.db.select().from(roleAssignments).where(eq(roleAssignments.personId, dana.id));
    expect(holders).toEqual([]);
    const [billingOperator] = await database.db.select().from(roleAssignments).where(and(eq(roleAssignments.secretId, billing.id), eq(roleAssignments.role, "operator")));
    expect(billingOperator).toMatchObject({ personId: noah.id, assignedBy: admin.id });

    // One rotate-now task per secret of the plan, assigned to the new operator; the CRM key's existing one gets the reason added.
    const opened = Object.fromEntries(result.tasksOpened.map((t) => [t.secretName, { created: t.created, assignee: t.assignee?.name ?? null }]));
    expect(opened).toEqual({
      "prod/db/admin": { created: true, assignee: "Cleo Colleague" },
      "prod/billing/stripe": { created: true, assignee: "Noah Fischer" },
      "prod/crm/hubspot": { created: false, assignee: "Noah Fischer" },
      "prod/mail/postmark": { created: true, assignee: "Olga Owner" },
      "prod/wiki/token": { created: true, assignee: null },
    });
    const rotateNow = await database.db.select().from(rotationTasks).where(eq(rotationTasks.kind, "rotate_now"));
    const reasons = Object.fromEntries(rotateNow.map((t) => [t.secretId, t.reason]));
    expect(reasons[dbAdmin.id]).toBe("Offboarding of Dana Ruiz: held operator");
    expect(reasons[wiki.id]).toBe(`Offboarding of Dana Ruiz: held creator, read it on ${day(daysAgo(10))}`);
    expect(reasons[readOnly.id]).toBe(`Token pasted in #support; Offboarding of Dana Ruiz: read it on ${day(daysAgo(5))}`);
    expect(rotateNow.every((t) => t.status === "open" && t.dueAt.getTime() === now.getTime())).toBe(true);
    expect(rotateNow.map((t) => t.secretId)).not.toContain(old.id);

    // The scheduled task Dana had acknowledged now waits for Cleo to acknowledge it.
    const [scheduled] = await database.db.select().from(rotationTasks).where(eq(rotationTasks.id, scheduledTaskId));
    expect(scheduled).toMatchObject({ assigneeId: colleague.id, assigneeRole: "operator", status: "open", acknowledgedBy: null });

    const feeds = await database.db.select().from(calendarFeeds);
    expect(feeds.find((f) => f.personId === dana.id)?.revokedAt).not.toBeNull();
    expect(feeds.find((f) => f.personId === noah.id)?.revokedAt).toBeNull();

    const events = await database.db.select().from(accessEvents).where(and(eq(accessEvents.sourceKind, "keyledger"), sql`${accessEvents.rawId} like 'req-9%'`));
    const byRaw = Object.fromEntries(events.map((e) => [e.rawId, e]));
    expect(byRaw["req-9"]).toMatchObject({ actor: admin.email, rawAction: "person.offboard", action: "other", sourceIp: "10.0.0.9", secretId: null });
    expect(byRaw["req-9"]!.detail).toEqual({ personId: dana.id, email: dana.email, reassigned: 4, gaps: 1, tasksOpened: 5, feedsRevoked: 1 });
    expect(byRaw[`req-9:role:${billing.id}:operator`]).toMatchObject({ rawAction: "ownership.assign", secretId: billing.id, secretRef: "prod/billing/stripe" });
    expect(byRaw[`req-9:role:${billing.id}:operator`]!.detail).toEqual({ role: "operator", from: dana.id, to: noah.id, offboarding: dana.id });
    expect(byRaw[`req-9:role:${wiki.id}:creator`]).toMatchObject({ rawAction: "ownership.clear" });
    expect(events.filter((e) => e.rawAction === "rotation.rotate_now")).toHaveLength(5);
    expect(events).toHaveLength(1 + 4 + 5);
  });

  it("refuses to offboard the same person twice (409), changing nothing", async () => {
    const before = await snapshot();
    const again = await failure(offboardPerson({ actor: actorOf(otherAdmin), personId: dana.id, reassignments: [], db: database.db, now }));
    expect(again).toMatchObject({ status: 409, message: `Dana Ruiz was already offboarded on ${day(now)}` });
    expect(await snapshot()).toEqual(before);
  });
});
