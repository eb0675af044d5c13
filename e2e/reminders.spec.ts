// Reminder preferences and unsubscribe links over real HTTP: the card on one's own person page, a
// digest's unsubscribe link followed without a session, RFC 8058 one-click, a forged link refused.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { can } from "@/lib/auth/permissions";
import { buildDigests } from "@/lib/domain/reminders/build-digests";
import { reminderLinks } from "@/lib/domain/reminders/links";
import { renderEmail } from "@/lib/domain/reminders/render-email";
import type { ReminderPerson, ReminderTask } from "@/lib/domain/reminders/types";
import { apiAs, findPerson } from "./fixtures/api";
import { PERSONAS, signInAs, type PersonaRole } from "./fixtures/auth";
import { screenshot } from "./fixtures/screenshot";

type Preferences = { email: boolean; slack: boolean; address: string; configured: { email: boolean; slack: boolean }; canChange: boolean };

/** The key `keyledger start` made for the embedded e2e server (it signs sessions and unsubscribe links). */
const signingSecret = async () => (await readFile(path.join(process.env.E2E_DATA_DIR!, "auth-secret"), "utf8")).trim();
const preferencesOf = async (api: APIRequestContext) => (await (await api.get("/api/v1/reminders/preferences")).json()) as Preferences;

/** A digest for `person` as the reminder job renders it, with links signed by the server's key. */
async function digestEmail(baseURL: string, person: ReminderPerson) {
  const at = (days: number) => new Date(Date.UTC(2026, 4, 12 + days, 9));
  const dana: ReminderPerson = { id: "00000000-0000-4000-8000-000000000001", name: "Dana Ruiz", email: "dana@lumenpay.example", active: true };
  const task = (id: string, secretName: string, due: number, extra: Partial<ReminderTask> = {}): ReminderTask => ({
    id: `00000000-0000-4000-8000-00000000000${id}`,
    secretName,
    environment: "prod",
    tier: 1,
    kind: "scheduled",
    reason: null,
    status: "open",
    dueAt: at(due),
    graceUntil: at(due + 3),
    openedAt: at(-20),
    updatedAt: at(-20),
    assignee: person,
    approver: person,
    signers: [person],
    signOffNote: null,
    ...extra,
  });
  const tasks = [
    task("2", "prod/payments/stripe-secret-key", -2, { status: "acknowledged", graceUntil: at(-1) }),
    task("3", "prod/auth/jwt-signing-key", 1),
    task("4", "ci/github/deploy-token", 6, { environment: "staging", tier: 3, kind: "rotate_now", reason: "Offboarding of Jonas Becker: held operator" }),
    task("5", "prod/db/orders-admin", -5, { assignee: dana }),
    task("6", "prod/crm/hubspot-api-key", 12, { tier: null }),
  ];
  const [digest] = buildDigests({ tasks, today: "2026-05-12", escalateAfterDays: 3 }).filter((d) => d.recipient.id === person.id);
  return renderEmail({ digest: digest!, links: reminderLinks({ baseUrl: baseURL, secret: await signingSecret() }) });
}

test("an owner turns reminder channels off and on from their own person page", async ({ page, baseURL }) => {
  const api = await apiAs(baseURL!, PERSONAS.owner);
  const me = await findPerson(api, PERSONAS.owner);
  await signInAs(page, PERSONAS.owner);
  await page.goto(`/people/${me.id}`);
  const card = page.getByTestId("reminder-preferences");
  const email = card.getByRole("switch", { name: "E-mail reminders" });
  const slack = card.getByRole("switch", { name: "Slack reminders" });
  await expect(email).toHaveAttribute("aria-checked", "true");
  await expect(card).toContainText(`A digest to ${PERSONAS.owner}`);
  await expect(card).toContainText("Not set up on this server yet (KEYLEDGER_SMTP_URL)");

  await slack.click();
  await expect(slack).toHaveAttribute("aria-checked", "false");
  await expect(card.getByText("Saved.")).toBeVisible();
  expect(await preferencesOf(api)).toMatchObject({ email: true, slack: false });
  await page.reload();
  await expect(slack).toHaveAttribute("aria-checked", "false");
  await card.scrollIntoViewIfNeeded();
  await screenshot(page, "reminder-preferences");
  await slack.click();
  await expect(slack).toHaveAttribute("aria-checked", "true");
  expect(await preferencesOf(api)).toMatchObject({ email: true, slack: true });

  // The card shows on one's own page only.
  const other = await findPerson(api, PERSONAS.founder);
  await page.goto(`/people/${other.id}`).catch(() => undefined);
  await expect(page.getByTestId("reminder-preferences")).toHaveCount(0);
  await api.dispose();
});

test("preferences API: every role per the permission table; a bad body changes nothing", async ({ baseURL }) => {
  for (const role of Object.keys(PERSONAS) as PersonaRole[]) {
    const api = await apiAs(baseURL!, PERSONAS[role]);
    const get = await api.get("/api/v1/reminders/preferences");
    expect(get.status(), `${role} GET`).toBe(can(role, "rotation:read") ? 200 : 403);
    const put = await api.put("/api/v1/reminders/preferences", { data: { email: true, slack: true } });
    expect(put.status(), `${role} PUT`).toBe(can(role, "rotation:work") ? 200 : 403);
    await api.dispose();
  }
  const owner = await apiAs(baseURL!, PERSONAS.owner);
  const bad = await owner.put("/api/v1/reminders/preferences", { data: { email: "no", slack: true, personId: "someone-else" } });
  expect(bad.status()).toBe(422);
  expect(await bad.json()).toMatchObject({ errors: expect.arrayContaining([expect.objectContaining({ field: "body.email" })]) });
  expect(await preferencesOf(owner)).toMatchObject({ email: true, slack: true });
  await owner.dispose();
});

test("a digest's unsubscribe link works without a session; one-click works; a forged link is refused", async ({ browser, baseURL, playwright }) => {
  const api = await apiAs(baseURL!, PERSONAS.owner);
  const me = await findPerson(api, PERSONAS.owner);
  const email = await digestEmail(baseURL!, { id: me.id, name: me.name, email: me.email, active: true });
  const link = /Stop e-mail reminders: (\S+)/.exec(email.text)![1]!;
  expect(link.startsWith(`${baseURL}/unsubscribe?token=${me.id}.email.`)).toBe(true);

  // A browser that has never signed in follows the link: opening it changes nothing, the button does.
  const context = await browser.newContext();
  const page = await context.newPage();
  const opened = await page.goto(link);
  expect(opened!.status()).toBe(200);
  await expect(page.getByRole("heading", { name: "Stop e-mail reminders?" })).toBeVisible();
  await expect(page.getByText(me.email)).toBeVisible();
  expect(await preferencesOf(api)).toMatchObject({ email: true });
  await page.getByRole("button", { name: "Stop e-mail reminders" }).click();
  await expect(page.getByRole("heading", { name: "E-mail reminders are off" })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe("/unsubscribe");
  await screenshot(page, "reminder-unsubscribed");
  expect(await preferencesOf(api)).toMatchObject({ email: false, slack: true });
  await page.getByRole("button", { name: "Turn e-mail reminders back on" }).click();
  await expect(page.getByRole("heading", { name: "Stop e-mail reminders?" })).toBeVisible();
  expect(await preferencesOf(api)).toMatchObject({ email: true });

  // RFC 8058 one-click, as a mail provider sends it to the List-Unsubscribe URL: no cookies, a form body.
  const anonymous = await playwright.request.newContext({ baseURL });
  const slackLink = reminderLinks({ baseUrl: baseURL!, secret: await signingSecret() }).unsubscribeOneClick(me.id, "slack");
  const oneClick = await anonymous.post(slackLink, { form: { "List-Unsubscribe": "One-Click" } });
  expect(oneClick.status()).toBe(200);
  expect(await oneClick.json()).toEqual({ channel: "slack", unsubscribed: true });
  expect(await preferencesOf(api)).toMatchObject({ email: true, slack: false });
  // A mail client that opens the List-Unsubscribe URL in a browser lands on the page.
  const opensPage = await anonymous.get(email.oneClickUrl, { maxRedirects: 0 });
  expect(opensPage.status()).toBe(303);
  expect(opensPage.headers().location).toMatch(/^\/unsubscribe\?token=/);

  // Forged: another person's id with this signature, a changed channel, a made-up signature, none at all.
  const token = new URL(link).searchParams.get("token")!;
  const founder = await findPerson(api, PERSONAS.founder);
  for (const forged of [token.replace(me.id, founder.id), token.replace(".email.", ".slack."), `${me.id}.email.${"A".repeat(43)}`]) {
    const refused = await anonymous.post(`/api/v1/reminders/unsubscribe?token=${encodeURIComponent(forged)}`, { form: { "List-Unsubscribe": "One-Click" } });
    expect(refused.status(), forged).toBe(403);
    expect(await refused.json()).toMatchObject({ status: 403, detail: "This unsubscribe link is not valid: nothing was changed" });
    const pageAnswer = await page.goto(`/unsubscribe?token=${encodeURIComponent(forged)}`);
    expect(pageAnswer!.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "This unsubscribe link is not valid" })).toBeVisible();
  }
  expect((await anonymous.post("/api/v1/reminders/unsubscribe")).status()).toBe(400);
  const founderApi = await apiAs(baseURL!, PERSONAS.founder);
  expect(await preferencesOf(founderApi)).toMatchObject({ email: true, slack: true });
  expect(await preferencesOf(api)).toMatchObject({ email: true, slack: false });

  // Both changes by link are in the access log as the person's own, authenticated by the link.
  const admin = await apiAs(baseURL!, PERSONAS.admin);
  const { items } = (await (await admin.get("/api/v1/access-events", { params: { actor: me.email, limit: "50" } })).json()) as { items: { rawAction: string; authSource: string }[] };
  expect(items.filter((e) => e.rawAction.startsWith("reminders.")).map((e) => [e.rawAction, e.authSource])).toEqual(
    expect.arrayContaining([
      ["reminders.unsubscribe", "unsubscribe-link"],
      ["reminders.resubscribe", "unsubscribe-link"],
    ]),
  );

  expect((await api.put("/api/v1/reminders/preferences", { data: { email: true, slack: true } })).status()).toBe(200);
  for (const c of [api, anonymous, founderApi, admin]) await c.dispose();
  await context.close();
});

test("a digest e-mail renders as plain, readable HTML with nothing loaded from outside", async ({ page, baseURL }) => {
  const email = await digestEmail(baseURL!, { id: "00000000-0000-4000-8000-0000000000aa", name: "Priya Natarajan", email: PERSONAS.owner, active: true });
  const outside: string[] = [];
  page.on("request", (r) => {
    if (!r.url().startsWith("data:") && r.url() !== "about:blank") outside.push(r.url());
  });
  await page.setViewportSize({ width: 760, height: 900 });
  await page.setContent(email.html);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hi Priya: 1 escalation, 1 rotation overdue, 1 due within a day, 2 due within 14 days");
  await expect(page.getByRole("heading", { level: 2 })).toHaveText(["Escalated to you as approver (1)", "Overdue (1)", "Due within 1 day (1)", "Due within 7 days (1)", "Due within 14 days (1)"]);
  await expect(page.getByRole("link", { name: "prod/auth/jwt-signing-key" })).toHaveAttribute("href", `${baseURL}/rotation?task=00000000-0000-4000-8000-000000000003`);
  expect(outside).toEqual([]);
  await page.screenshot({ path: path.join("docs", "screenshots", "reminder-email.png"), fullPage: true });
});
