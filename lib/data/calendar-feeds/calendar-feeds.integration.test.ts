import { eq } from "drizzle-orm";
import ical, { type VEvent } from "node-ical";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { people, type Person, type Secret } from "@/db/schema";
import { calendarFeeds, rotationTasks } from "@/db/schema-rotation";
import { assignRole, createPerson, createSecret, createSource } from "@/db/seed/factories";
import { createCalendarFeed } from "@/lib/data/calendar-feeds/create-calendar-feed";
import { getCalendarDocument } from "@/lib/data/calendar-feeds/get-calendar-document";
import { listCalendarFeeds } from "@/lib/data/calendar-feeds/list-calendar-feeds";
import { listFeedTeams } from "@/lib/data/calendar-feeds/list-feed-teams";
import { regenerateCalendarFeed } from "@/lib/data/calendar-feeds/regenerate-calendar-feed";
import { revokeCalendarFeed } from "@/lib/data/calendar-feeds/revoke-calendar-feed";
import { revokePersonFeeds } from "@/lib/data/calendar-feeds/revoke-person-feeds";
import { actorOf } from "@/test/actors";
import { codeOf } from "@/test/app-errors";
import { createTestDatabase } from "@/test/database";

const BASE = "https://keyledger.example.com";
const DAY = 86_400_000;
// Relative to the clock, since feeds are stamped by the database: a minute ahead, whole seconds.
const now = new Date(Math.floor(Date.now() / 1000) * 1000 + 60_000);
/** UTC midnight `n` days from today. */
const day = (n: number) => new Date(Math.floor(now.getTime() / DAY) * DAY + n * DAY);
const ymd = (d: Date) => d.toISOString().slice(0, 10);
const longName = `prod/Zürich/日本/🔑/${"Grüße-東京-🚀-".repeat(30)}`.slice(0, 300);

let database: Database;
let admin: Person, priya: Person, teammate: Person, outsider: Person;
let tier1: Secret, other: Secret;
const taskIds: Record<string, string> = {};

const tokenOf = (url: string) => /\/api\/v1\/calendar\/(klc_[\w-]+)\.ics$/.exec(url)![1]!;
const feedCount = async () => (await database.db.select({ id: calendarFeeds.id }).from(calendarFeeds)).length;
const parse = (body: string) => Object.values(ical.sync.parseICS(body)).filter((c): c is VEvent => c?.type === "VEVENT");

async function insertTask(key: string, values: Partial<typeof rotationTasks.$inferInsert> & { secretId: string; dueAt: Date }) {
  const [row] = await database.db
    .insert(rotationTasks)
    .values({ graceUntil: new Date(values.dueAt.getTime() + 7 * DAY), updatedAt: day(-9), ...values })
    .returning({ id: rotationTasks.id });
  taskIds[key] = row!.id;
}

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  [admin, priya, teammate, outsider] = await Promise.all([
    createPerson(db, { role: "admin", team: "Security" }),
    createPerson(db, { role: "owner", name: "Priya Ramán", team: "Payments" }),
    createPerson(db, { role: "owner", name: "Jonas Weiß", team: "Payments" }),
    createPerson(db, { role: "owner", team: "Growth" }),
  ]);
  const source = await createSource(db, { name: "AWS · prod" });
  tier1 = await createSecret(db, { sourceId: source.id, name: longName, tier: 1, environment: "prod", updatedAt: day(-40) });
  other = await createSecret(db, { sourceId: source.id, name: "staging/search, \"ranking\"; key\\x", tier: 3, environment: "staging", updatedAt: day(-40) });
  await insertTask("upcoming", { secretId: tier1.id, assigneeId: priya.id, assigneeRole: "operator", dueAt: day(10), sequence: 4 });
  await insertTask("overdue", { secretId: other.id, kind: "rotate_now", reason: "Offboarding of Dana: held operator", status: "acknowledged", assigneeId: priya.id, assigneeRole: "approver", dueAt: day(-9), sequence: 1 });
  await insertTask("recentlyDone", { secretId: other.id, status: "done", completedAt: day(-15), assigneeId: priya.id, dueAt: day(-16), sequence: 2 });
  await insertTask("longDone", { secretId: other.id, status: "done", completedAt: day(-70), assigneeId: priya.id, dueAt: day(-71), sequence: 2 });
  await insertTask("teammates", { secretId: other.id, status: "skipped", skippedReason: "secret retired", assigneeId: teammate.id, dueAt: day(-5), updatedAt: day(-4) });
  await insertTask("outsiders", { secretId: tier1.id, kind: "rotate_now", reason: "leak", assigneeId: outsider.id, dueAt: day(2) });
});
afterAll(() => database.close());

describe("a person's feed from real rows", () => {
  it("holds their open tasks and the ones closed in the last 30 days, and node-ical reads every field back", async () => {
    const issued = await createCalendarFeed({ actor: actorOf(priya), input: { scope: "person" }, baseUrl: BASE, db: database.db });
    expect(issued.url).toMatch(/^https:\/\/keyledger\.example\.com\/api\/v1\/calendar\/klc_[\w-]{43}\.ics$/);
    expect(issued.webcalUrl).toBe(issued.url.replace("https://", "webcal://"));
    expect(issued.feed).toMatchObject({ scope: "person", personId: priya.id, prefix: tokenOf(issued.url).slice(0, 12) });
    const [stored] = await database.db.select().from(calendarFeeds).where(eq(calendarFeeds.id, issued.feed.id));
    expect(stored!.tokenHash).not.toContain(tokenOf(issued.url)); // only the hash is kept
    expect(stored!.tokenHash).toMatch(/^[0-9a-f]{64}$/);

    const document = await getCalendarDocument({ token: tokenOf(issued.url), baseUrl: BASE, now, db: database.db });
    expect(document).not.toBeNull();
    for (const line of document!.body.split("\r\n")) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);

    const calendar = ical.sync.parseICS(document!.body);
    expect(calendar.vcalendar).toMatchObject({ method: "PUBLISH", "WR-CALNAME": "Keyledger · Priya Ramán's rotations" });
    const events = parse(document!.body);
    expect(events.map((e) => e.uid).sort()).toEqual([taskIds.upcoming, taskIds.overdue, taskIds.recentlyDone].map((id) => `rotation-task-${id}@keyledger`).sort());

    const upcoming = events.find((e) => e.uid === `rotation-task-${taskIds.upcoming}@keyledger`)!;
    expect(upcoming.summary).toBe(`Rotate ${longName} (tier 1 prod)`);
    expect(upcoming.sequence).toBe(4);
    expect(upcoming.start.dateOnly).toBe(true);
    // node-ical gives a DATE as local midnight of that calendar day.
    const localDay = (d: Date) => [d.getFullYear(), d.getMonth(), d.getDate()];
    expect(localDay(upcoming.start)).toEqual([day(10).getUTCFullYear(), day(10).getUTCMonth(), day(10).getUTCDate()]);
    expect(localDay(upcoming.end!)).toEqual([day(11).getUTCFullYear(), day(11).getUTCMonth(), day(11).getUTCDate()]);
    expect(upcoming.url).toBe(`${BASE}/rotation?task=${taskIds.upcoming}`);
    expect(upcoming.description).toContain("Assignee: Priya Ramán (operator)");
    expect(upcoming.description).toContain(`Due: ${ymd(day(10))}`);
    expect(upcoming.description).toContain(`Grace until: ${ymd(day(17))}`);
    expect(upcoming.description).toContain("Source: AWS · prod");
    const [alarm] = Object.values(upcoming.alarms ?? {}) as { action: string; trigger: string; description: string }[];
    expect(alarm).toMatchObject({ action: "DISPLAY", trigger: "-P1D", description: `Rotation due tomorrow: ${longName}` });

    const overdue = events.find((e) => e.uid === `rotation-task-${taskIds.overdue}@keyledger`)!;
    // Overdue: on today, not on its due date nine days ago; still the one event of its task.
    expect(overdue.summary).toBe(`OVERDUE 9 days: Rotate now: staging/search, "ranking"; key\\x (tier 3 staging) · acknowledged, was due ${ymd(day(-9))}`);
    expect(localDay(overdue.start)).toEqual([day(0).getUTCFullYear(), day(0).getUTCMonth(), day(0).getUTCDate()]);
    expect(overdue.sequence).toBe(1 + 9);
    expect(overdue.description).toContain("Why: Offboarding of Dana: held operator");
    expect(overdue.description).toContain("overdue by 9 days");

    const done = events.find((e) => e.uid === `rotation-task-${taskIds.recentlyDone}@keyledger`)!;
    expect(done).toMatchObject({ status: "CONFIRMED", summary: expect.stringMatching(/^✓ Rotated staging\/search/) });
    expect(Object.keys(done.alarms ?? {})).toHaveLength(0);

    const [fetched] = await database.db.select({ at: calendarFeeds.lastFetchedAt }).from(calendarFeeds).where(eq(calendarFeeds.id, issued.feed.id));
    expect(fetched!.at).toEqual(now);
  });

  it("keeps its ETag for the same data and changes it (and Last-Modified) when a task's SEQUENCE is bumped", async () => {
    const issued = await regenerateCalendarFeed({ actor: actorOf(priya), id: (await listCalendarFeeds({ actor: actorOf(priya), db: database.db, now }))[0]!.id, baseUrl: BASE, db: database.db });
    const token = tokenOf(issued.url);
    const first = (await getCalendarDocument({ token, baseUrl: BASE, now, db: database.db }))!;
    const again = (await getCalendarDocument({ token, baseUrl: BASE, now: new Date(now.getTime() + 60_000), db: database.db }))!;
    expect(again.etag).toBe(first.etag);
    // Nothing in it changed since this URL was made: Last-Modified is the feed's own creation.
    const [created] = await database.db.select({ at: calendarFeeds.createdAt }).from(calendarFeeds).where(eq(calendarFeeds.id, issued.feed.id));
    expect(first.lastModified).toEqual(new Date(Math.floor(created!.at.getTime() / 1000) * 1000));

    await database.db.update(rotationTasks).set({ sequence: 5, status: "acknowledged", updatedAt: now }).where(eq(rotationTasks.id, taskIds.upcoming!));
    const changed = (await getCalendarDocument({ token, baseUrl: BASE, now, db: database.db }))!;
    expect(changed.etag).not.toBe(first.etag);
    expect(changed.lastModified).toEqual(now);
    const upcoming = parse(changed.body).find((e) => e.uid === `rotation-task-${taskIds.upcoming}@keyledger`)!;
    expect(upcoming.sequence).toBe(5);
    expect(upcoming.summary).toMatch(/· acknowledged$/);
  });
});

describe("a team's feed", () => {
  it("holds the tasks of everyone on the team, each naming its assignee — only on secrets its creator may see", async () => {
    expect(await listFeedTeams({ actor: actorOf(priya), db: database.db })).toEqual(["Payments"]);
    expect(await listFeedTeams({ actor: actorOf(admin), db: database.db })).toEqual(expect.arrayContaining(["Growth", "Payments", "Security"]));
    // A secret owner sees the secrets they hold a role on: Jonas holds one on `other`, none on the tier-1 secret.
    await assignRole(database.db, { secretId: other.id, role: "creator", personId: teammate.id });
    const issued = await createCalendarFeed({ actor: actorOf(teammate), input: { scope: "team", team: "Payments" }, baseUrl: BASE, db: database.db });
    const events = parse((await getCalendarDocument({ token: tokenOf(issued.url), baseUrl: BASE, now, db: database.db }))!.body);
    expect(events.map((e) => e.uid)).toContain(`rotation-task-${taskIds.teammates}@keyledger`);
    expect(events.map((e) => e.uid)).toContain(`rotation-task-${taskIds.overdue}@keyledger`);
    expect(events.map((e) => e.uid)).not.toContain(`rotation-task-${taskIds.upcoming}@keyledger`);
    expect(events.map((e) => e.uid)).not.toContain(`rotation-task-${taskIds.outsiders}@keyledger`);
    // An admin's feed of the same team shows every teammate's task.
    const admins = await createCalendarFeed({ actor: actorOf(admin), input: { scope: "team", team: "Payments" }, baseUrl: BASE, db: database.db });
    const all = parse((await getCalendarDocument({ token: tokenOf(admins.url), baseUrl: BASE, now, db: database.db }))!.body).map((e) => e.uid);
    expect(all).toEqual(expect.arrayContaining([`rotation-task-${taskIds.upcoming}@keyledger`, `rotation-task-${taskIds.teammates}@keyledger`]));
    expect(all).not.toContain(`rotation-task-${taskIds.outsiders}@keyledger`);
    const skipped = events.find((e) => e.uid === `rotation-task-${taskIds.teammates}@keyledger`)!;
    expect(skipped).toMatchObject({ status: "CANCELLED", summary: expect.stringMatching(/ — Jonas Weiß$/) });
    // Moved to sales (no secret:read), its creator may see no secret: the feed still answers, empty.
    await database.db.update(people).set({ role: "sales" }).where(eq(people.id, teammate.id));
    try {
      expect(parse((await getCalendarDocument({ token: tokenOf(issued.url), baseUrl: BASE, now, db: database.db }))!.body)).toEqual([]);
    } finally {
      await database.db.update(people).set({ role: "owner" }).where(eq(people.id, teammate.id));
    }
  });

  it("is refused to someone outside the team (403) and to anyone for an unknown team as an admin (404), adding nothing", async () => {
    const before = await feedCount();
    expect(await codeOf(createCalendarFeed({ actor: actorOf(outsider), input: { scope: "team", team: "Payments" }, baseUrl: BASE, db: database.db }))).toBe("forbidden");
    expect(await codeOf(createCalendarFeed({ actor: actorOf(admin), input: { scope: "team", team: "Nobody" }, baseUrl: BASE, db: database.db }))).toBe("not_found");
    expect(await feedCount()).toBe(before);
  });
});

describe("who may make, regenerate and revoke a feed", () => {
  it("refuses a feed for someone else to a non-admin (403) and a second active feed (409); an admin may make anyone's", async () => {
    const before = await feedCount();
    expect(await codeOf(createCalendarFeed({ actor: actorOf(outsider), input: { scope: "person", personId: priya.id }, baseUrl: BASE, db: database.db }))).toBe("forbidden");
    expect(await codeOf(createCalendarFeed({ actor: actorOf(priya), input: { scope: "person" }, baseUrl: BASE, db: database.db }))).toBe("conflict");
    expect(await codeOf(listCalendarFeeds({ actor: actorOf(outsider), personId: priya.id, db: database.db }))).toBe("forbidden");
    expect(await feedCount()).toBe(before);
    const issued = await createCalendarFeed({ actor: actorOf(admin), input: { scope: "person", personId: outsider.id }, baseUrl: BASE, db: database.db });
    expect(issued.feed).toMatchObject({ personId: outsider.id, createdByName: admin.name });
    expect((await listCalendarFeeds({ actor: actorOf(outsider), db: database.db })).map((f) => f.id)).toContain(issued.feed.id);
  });

  it("regenerating stops the old URL at once; revoking stops the new one; a revoked feed cannot be revoked or regenerated again", async () => {
    const [feed] = await listCalendarFeeds({ actor: actorOf(priya), db: database.db, now });
    const fresh = await regenerateCalendarFeed({ actor: actorOf(priya), id: feed!.id, baseUrl: BASE, db: database.db });
    expect(fresh.revokedId).toBe(feed!.id);
    expect(await codeOf(regenerateCalendarFeed({ actor: actorOf(priya), id: feed!.id, baseUrl: BASE, db: database.db }))).toBe("not_found");
    expect(await getCalendarDocument({ token: tokenOf(fresh.url), baseUrl: BASE, now, db: database.db })).not.toBeNull();

    expect(await codeOf(revokeCalendarFeed({ actor: actorOf(outsider), id: fresh.feed.id, db: database.db }))).toBe("not_found");
    await revokeCalendarFeed({ actor: actorOf(priya), id: fresh.feed.id, db: database.db });
    const [row] = await database.db.select().from(calendarFeeds).where(eq(calendarFeeds.id, fresh.feed.id));
    expect(await getCalendarDocument({ token: tokenOf(fresh.url), baseUrl: BASE, now, db: database.db })).toBeNull();
    expect(await codeOf(revokeCalendarFeed({ actor: actorOf(priya), id: fresh.feed.id, db: database.db }))).toBe("not_found");
    const [after] = await database.db.select().from(calendarFeeds).where(eq(calendarFeeds.id, fresh.feed.id));
    expect(after).toEqual(row); // the revoked token's fetch changed nothing (not even last fetched)

    const listed = await listCalendarFeeds({ actor: actorOf(priya), db: database.db });
    expect(listed.filter((f) => f.scope === "person" && f.revokedAt === null)).toHaveLength(0);
    expect(listed.find((f) => f.id === fresh.feed.id)?.revokedAt).not.toBeNull();
  });

  it("answers the same null for a malformed, unknown or revoked token", async () => {
    for (const token of ["", "klc_short", `klc_${"A".repeat(43)}`, "klt_" + "A".repeat(43)]) {
      expect(await getCalendarDocument({ token, baseUrl: BASE, now, db: database.db })).toBeNull();
    }
  });
});

describe("offboarding", () => {
  it("revokePersonFeeds revokes the person's feed and every feed they made; an offboarded person's feed is dead even unrevoked", async () => {
    const leaver = await createPerson(database.db, { role: "owner", team: "Payments" });
    const own = await createCalendarFeed({ actor: actorOf(leaver), input: { scope: "person" }, baseUrl: BASE, db: database.db });
    const team = await createCalendarFeed({ actor: actorOf(leaver), input: { scope: "team", team: "Payments" }, baseUrl: BASE, db: database.db });
    const { revokedIds } = await revokePersonFeeds({ personId: leaver.id, db: database.db });
    expect(revokedIds.sort()).toEqual([own.feed.id, team.feed.id].sort());
    expect(await getCalendarDocument({ token: tokenOf(own.url), baseUrl: BASE, now, db: database.db })).toBeNull();
    expect(await getCalendarDocument({ token: tokenOf(team.url), baseUrl: BASE, now, db: database.db })).toBeNull();
    expect((await revokePersonFeeds({ personId: leaver.id, db: database.db })).revokedIds).toEqual([]);

    const [mover, gone] = await Promise.all([createPerson(database.db, { role: "owner", team: "Payments" }), createPerson(database.db, { role: "owner" })]);
    const moversTeamFeed = await createCalendarFeed({ actor: actorOf(mover), input: { scope: "team", team: "Payments" }, baseUrl: BASE, db: database.db });
    const goneFeed = await createCalendarFeed({ actor: actorOf(gone), input: { scope: "person" }, baseUrl: BASE, db: database.db });
    await database.db.update(people).set({ team: "Growth" }).where(eq(people.id, mover.id));
    await database.db.update(people).set({ status: "offboarded", offboardedAt: now }).where(eq(people.id, gone.id));
    expect(await getCalendarDocument({ token: tokenOf(moversTeamFeed.url), baseUrl: BASE, now, db: database.db })).toBeNull();
    expect(await getCalendarDocument({ token: tokenOf(goneFeed.url), baseUrl: BASE, now, db: database.db })).toBeNull();
  });
});
