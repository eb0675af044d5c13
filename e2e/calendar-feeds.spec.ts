// An owner subscribes to their rotation calendar: creates a feed on their person page, a calendar
// client fetches it (parsed with node-ical), a regenerated URL retires the old one, and a revoked
// one answers 404 — the same 404 as a token that never existed.
import { and, eq, inArray } from "drizzle-orm";
import ical, { type VEvent } from "node-ical";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { createDb, type Database } from "@/db/client";
import { embeddedUrl } from "@/db/embedded";
import { people, roleAssignments, secrets } from "@/db/schema";
import { rotationTasks } from "@/db/schema-rotation";
import { apiAs, findPerson } from "./fixtures/api";
import { PERSONAS, signInAs } from "./fixtures/auth";
import { screenshot } from "./fixtures/screenshot";

const DAY = 86_400_000;
let database: Database;
let taskIds: string[] = [];
let today = 0;

/** This spec writes rotation tasks straight into the e2e database — only ever the throw-away one. */
function openE2eDatabase(): Database {
  const url = embeddedUrl(Number(process.env.E2E_PG_PORT ?? 54399));
  if (!process.env.E2E_DATA_DIR?.includes("keyledger-e2e-") || new URL(url).hostname !== "127.0.0.1") throw new Error("refusing a database that is not the local e2e one");
  return createDb(url, { max: 2 });
}

test.beforeAll(async () => {
  database = openE2eDatabase();
  const db = database.db;
  const [priya] = await db.select({ id: people.id }).from(people).where(eq(people.email, PERSONAS.owner));
  const held = await db
    .select({ id: secrets.id, name: secrets.name })
    .from(roleAssignments)
    .innerJoin(secrets, eq(secrets.id, roleAssignments.secretId))
    .where(and(eq(roleAssignments.personId, priya!.id), eq(roleAssignments.role, "operator")))
    .orderBy(secrets.name)
    .limit(2);
  expect(held).toHaveLength(2);
  today = Math.floor(Date.now() / DAY) * DAY;
  // rotate_now tasks: they never collide with a scheduled task the demo company may already have.
  const rows = await db
    .insert(rotationTasks)
    .values([
      { secretId: held[0]!.id, kind: "rotate_now", reason: "Leak drill — Zoë Ünal, 東京 🔑", assigneeId: priya!.id, assigneeRole: "operator", dueAt: new Date(today + 6 * DAY), graceUntil: new Date(today + 13 * DAY), sequence: 2 },
      { secretId: held[1]!.id, kind: "rotate_now", reason: "Offboarding check", status: "acknowledged", assigneeId: priya!.id, assigneeRole: "operator", dueAt: new Date(today - 3 * DAY), graceUntil: new Date(today + 4 * DAY), sequence: 1 },
    ])
    .returning({ id: rotationTasks.id });
  taskIds = rows.map((r) => r.id);
});

test.afterAll(async () => {
  // Leave the demo company as seeded for the other specs.
  if (taskIds.length) await database.db.delete(rotationTasks).where(inArray(rotationTasks.id, taskIds));
  await database?.close();
});

const events = (body: string) => Object.values(ical.sync.parseICS(body)).filter((c): c is VEvent => c?.type === "VEVENT");
const fetchFeed = (client: APIRequestContext, url: string, headers: Record<string, string> = {}) => client.get(url, { headers, maxRedirects: 0 });

test("an owner subscribes to their rotation feed, regenerates it and revokes it", async ({ page, playwright, baseURL }) => {
  await signInAs(page, PERSONAS.owner);
  const owner = await apiAs(baseURL!, PERSONAS.owner);
  const priya = await findPerson(owner, PERSONAS.owner);
  await page.goto(`/people/${priya.id}`);
  const card = page.getByTestId("calendar-feed-card");
  await expect(card.getByRole("heading", { name: "Subscribe in your calendar" })).toBeVisible();
  await card.getByRole("button", { name: "Create my feed" }).click();
  const url = (await card.getByTestId("feed-url").textContent())!.trim();
  expect(url).toMatch(new RegExp(`^${baseURL}/api/v1/calendar/klc_[\\w-]{43}\\.ics$`));
  await expect(card.getByRole("link", { name: "Open in calendar app" })).toHaveAttribute("href", url.replace(/^http:/, "webcal:"));
  await expect(card.locator('[data-feed-scope="person"]')).toContainText("never fetched yet");
  await card.getByText("How to subscribe").click();
  await expect(card).toContainText("Subscribe from web");
  await screenshot(page, "calendar-feed");

  // A calendar client: no session, only the URL.
  const calendarApp = await playwright.request.newContext();
  const response = await fetchFeed(calendarApp, url);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
  expect(response.headers()["cache-control"]).toBe("no-store");
  const body = await response.text();
  expect(body.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
  for (const line of body.split("\r\n")) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  const mine = events(body).filter((e) => taskIds.some((id) => e.uid === `rotation-task-${id}@keyledger`));
  expect(mine).toHaveLength(2);
  const [upcoming, overdue] = taskIds.map((id) => mine.find((e) => e.uid === `rotation-task-${id}@keyledger`)!);
  expect(upcoming!.sequence).toBe(2);
  expect(upcoming!.start.dateOnly).toBe(true);
  expect(upcoming!.summary).toMatch(/^Rotate now: .+ \(tier .+\)$/);
  expect(upcoming!.description).toContain("Why: Leak drill — Zoë Ünal, 東京 🔑");
  expect(upcoming!.url).toBe(`${baseURL}/rotation?task=${taskIds[0]}`);
  expect(Object.values(upcoming!.alarms ?? {})).toHaveLength(1);
  // Overdue 3 days: one all-day entry on today (UTC), not on its due date, still its one UID.
  // node-ical gives a DATE as local midnight of that calendar day.
  const ymd = (d: Date) => [d.getFullYear(), d.getMonth() + 1, d.getDate()].map((n) => String(n).padStart(2, "0")).join("-");
  expect(overdue!.summary).toMatch(new RegExp(`^OVERDUE 3 days: Rotate now: .+ · acknowledged, was due ${new Date(today - 3 * DAY).toISOString().slice(0, 10)}$`));
  expect(overdue!.start.dateOnly).toBe(true);
  expect(ymd(overdue!.start)).toBe(new Date().toISOString().slice(0, 10));
  expect(Object.values(overdue!.alarms ?? {})).toHaveLength(0);

  // Revalidation: the same ETag is answered 304, and the fetch shows on the card.
  const etag = response.headers()["etag"]!;
  expect((await fetchFeed(calendarApp, url, { "if-none-match": etag })).status()).toBe(304);
  expect((await fetchFeed(calendarApp, url, { "if-modified-since": response.headers()["last-modified"]! })).status()).toBe(304);
  await page.reload();
  await expect(card.locator('[data-feed-scope="person"]')).toContainText("last fetched");
  await expect(card.getByTestId("feed-url")).toHaveCount(0); // shown once, never again

  // Regenerate: a new URL works, the old one is gone at once.
  await card.getByRole("button", { name: "Regenerate URL" }).click();
  await expect(card.getByTestId("feed-url")).not.toHaveText(url);
  const regenerated = (await card.getByTestId("feed-url").textContent())!.trim();
  expect((await fetchFeed(calendarApp, regenerated)).status()).toBe(200);
  const old = await fetchFeed(calendarApp, url);
  expect(old.status()).toBe(404);
  const never = await fetchFeed(calendarApp, `${baseURL}/api/v1/calendar/klc_${"x".repeat(43)}.ics`);
  const strip = (problem: Record<string, unknown>) => ({ ...problem, requestId: undefined });
  expect(strip(await old.json())).toEqual(strip(await never.json()));
  expect(JSON.stringify(await old.json())).not.toContain(url.split("/").pop()!.slice(0, 20));

  // Revoke: 404, and the card offers a fresh feed.
  await card.getByRole("button", { name: "Revoke" }).click();
  await expect(card.getByRole("button", { name: "Create my feed" })).toBeVisible();
  expect((await fetchFeed(calendarApp, regenerated)).status()).toBe(404);
  await expect(card.getByTestId("revoked-feeds")).toContainText("klc_");

  // Each change is an access event of Keyledger itself.
  const admin = await apiAs(baseURL!, PERSONAS.admin);
  const audit = (await (await admin.get("/api/v1/access-events", { params: { actor: PERSONAS.owner } })).json()) as { items: { rawAction: string }[] };
  expect(audit.items.map((e) => e.rawAction)).toEqual(expect.arrayContaining(["calendar_feed.create", "calendar_feed.regenerate", "calendar_feed.revoke"]));
  await Promise.all([admin.dispose(), owner.dispose(), calendarApp.dispose()]);
});

test("bad input: another person's feed as an owner is 403, a revoked feed cannot be revoked again, and nothing changes", async ({ baseURL }) => {
  const owner = await apiAs(baseURL!, PERSONAS.owner);
  const founder = await findPerson(owner, PERSONAS.founder);
  const existing = (await (await owner.get("/api/v1/calendar-feeds")).json()) as { items: { id: string; scope: string; revokedAt: string | null }[] };
  for (const feed of existing.items.filter((f) => f.scope === "person" && !f.revokedAt)) await owner.delete(`/api/v1/calendar-feeds/${feed.id}`);
  const before = (await (await owner.get("/api/v1/calendar-feeds")).json()) as { items: unknown[] };

  const forSomeoneElse = await owner.post("/api/v1/calendar-feeds", { data: { scope: "person", personId: founder.id } });
  expect(forSomeoneElse.status()).toBe(403);
  expect(await forSomeoneElse.json()).toMatchObject({ status: 403, detail: "You may create a calendar feed only for yourself" });
  expect((await owner.post("/api/v1/calendar-feeds", { data: { scope: "team", team: "Payments" } })).status()).toBe(403);
  expect((await owner.post("/api/v1/calendar-feeds", { data: { scope: "person", token: "x" } })).status()).toBe(422);
  expect((await owner.get("/api/v1/calendar-feeds", { params: { personId: founder.id } })).status()).toBe(403);

  const creation = await owner.post("/api/v1/calendar-feeds", { data: { scope: "person" } });
  expect(creation.status()).toBe(200);
  const created = (await creation.json()) as { feed: { id: string }; url: string };
  expect((await owner.delete(`/api/v1/calendar-feeds/${created.feed.id}`)).status()).toBe(200);
  const after = (await (await owner.get("/api/v1/calendar-feeds")).json()) as { items: { id: string; revokedAt: string | null }[] };
  const again = await owner.delete(`/api/v1/calendar-feeds/${created.feed.id}`);
  expect(again.status()).toBe(404);
  expect((await owner.post(`/api/v1/calendar-feeds/${created.feed.id}/regenerate`)).status()).toBe(404);
  expect((await (await owner.get("/api/v1/calendar-feeds")).json()) as unknown).toEqual(after);
  expect(after.items).toHaveLength(before.items.length + 1);

  const sales = await apiAs(baseURL!, PERSONAS.sales);
  expect((await sales.post("/api/v1/calendar-feeds", { data: { scope: "person" } })).status()).toBe(403);
  await Promise.all([owner.dispose(), sales.dispose()]);
});
