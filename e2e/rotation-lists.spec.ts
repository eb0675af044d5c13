// The rotation lists as a user checks them: each number on the rotation page links to exactly the
// rows it counts (overdue, due in 14 days, gaps — never a done or skipped task; acked within 2 days
// and its part in time; a quarter's done tasks), the list shows the filter as set and clears it; every count says whose it is, and "N of them yours" is what My tasks
// holds; lists come by risk (tier, environment, days overdue) and say so, or by due date on request;
// "I approve" lists the rotations one signs off. Other specs work tasks at the same time, so each
// count is compared with its rows in one retried pass. Screenshots at 1440 and 390 px wide.
import { expect, test, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import { apiAs, findPerson } from "./fixtures/api";
import { PERSONAS, signInAs } from "./fixtures/auth";
import { screenshot } from "./fixtures/screenshot";
import type { RotationTask } from "@/lib/data/rotation/rotation-task-json";

type TaskPage = { items: RotationTask[]; nextCursor: string | null; total: number };
const ACTIVE = ["open", "acknowledged", "awaiting_approval"];

async function tasks(api: APIRequestContext, params: Record<string, string>): Promise<TaskPage> {
  const response = await api.get("/api/v1/rotation/tasks", { params: { limit: "500", ...params } });
  expect(response.status()).toBe(200);
  return (await response.json()) as TaskPage;
}

/** The number a summary link shows: its accessible name starts with it ("27 overdue in the company"). */
async function figure(link: Locator): Promise<number> {
  return Number((await link.getAttribute("aria-label"))!.split(" ")[0]);
}

/** Every row of the list's groups, after "Load more" until there is no more; and the groups' counts. */
async function allRows(page: Page): Promise<{ rows: Locator; shown: number; counted: number }> {
  const list = page.getByTestId("task-list");
  await expect(list.locator('[data-testid="group-count"]').first()).not.toHaveText("…");
  await expect(list.locator('[data-testid="group-count"]', { hasText: "…" })).toHaveCount(0);
  for (let more = list.getByRole("button", { name: /^Load more/ }).first(); await more.isVisible(); more = list.getByRole("button", { name: /^Load more/ }).first()) {
    const before = await list.locator("[data-task-row]").count();
    await more.click();
    await expect.poll(() => list.locator("[data-task-row]").count()).toBeGreaterThan(before);
  }
  const counts = await list.locator('[data-testid="group-count"]').allTextContents();
  const rows = list.locator("[data-task-row]");
  return { rows, shown: await rows.count(), counted: counts.reduce((sum, n) => sum + Number(n), 0) };
}

/** The page at 1440 px and at 390 × 844 (a phone), where nothing may scroll sideways; the whole phone page goes to .test-results to look at. */
async function atWidths(page: Page, name: string) {
  await screenshot(page, name);
  const before = page.viewportSize()!;
  await page.setViewportSize({ width: 390, height: 844 });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await screenshot(page, `${name}-390`);
  await page.screenshot({ path: `.test-results/${name}-390-full.png`, fullPage: true });
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth), { message: `${name} at 390 px scrolls sideways` }).toBeLessThanOrEqual(390);
  await page.setViewportSize(before);
}

test("each rotation number opens exactly its rows, with its filter set in the filter bar and clearable", async ({ page }) => {
  await signInAs(page, PERSONAS.admin);
  const drills = [
    { card: "figure-overdue", param: /[?&]overdue=1/, filter: "Overdue only", groups: 1 },
    { card: "figure-due", param: /[?&]due=14/, filter: "Due in 14 days", groups: 1 },
    { card: "figure-gaps", param: /[?&]gap=1/, filter: "No owner", groups: 3 },
  ];
  for (const drill of drills) {
    await expect(async () => {
      await page.goto("/rotation");
      const link = page.getByTestId(drill.card).locator('[data-figure="all"]');
      await expect(link).toHaveAttribute("aria-label", /in the company$/);
      const count = await figure(link);
      await link.click();
      await expect(page).toHaveURL(drill.param);
      await expect(page.getByLabel(drill.filter, { exact: true })).toBeChecked();
      await expect(page.getByTestId("task-list").locator("[data-group]")).toHaveCount(drill.groups);
      const { rows, shown, counted } = await allRows(page);
      expect(shown, `${drill.card}: rows on the page`).toBe(count);
      expect(counted, `${drill.card}: the groups' counts`).toBe(count);
      for (const status of await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-status")))) expect(ACTIVE).toContain(status);
      if (drill.card === "figure-gaps") await expect(rows.filter({ hasText: "No owner (gap)" })).toHaveCount(count);
    }).toPass({ timeout: 60_000 });
    if (drill.card === "figure-overdue") {
      await page.evaluate(() => window.scrollTo(0, 0));
      await atWidths(page, "rotation-list-overdue");
    }
    await page.getByRole("button", { name: "Clear", exact: true }).click();
    await expect(page.getByLabel(drill.filter, { exact: true })).not.toBeChecked();
    await expect(page).not.toHaveURL(drill.param);
    await expect(page.getByTestId("task-list").locator("[data-group]")).toHaveCount(4);
  }
});

test("'acked within 2 days', its part acked in time and a quarter's 'done on time' open exactly the tasks they count, with the filter set and clearable", async ({ page }) => {
  await signInAs(page, PERSONAS.admin);
  await page.goto("/rotation");
  // The oldest of the four quarters with done tasks: wholly past, so other specs' work does not move it.
  const quarterLinks = page.getByTestId("on-time").locator("a[data-quarter]");
  await expect(quarterLinks).toHaveCount(4);
  const quarters = await quarterLinks.evaluateAll((links) => links.map((a) => ({ quarter: a.getAttribute("data-quarter")!, done: Number(a.getAttribute("aria-label")!.split(" ")[0]) })));
  const done = quarters.find((q) => q.done > 0);
  expect(done, `the demo company did rotations in one of ${quarters.map((q) => q.quarter).join(", ")}`).toBeDefined();
  const [year, q] = done!.quarter.split("-");
  const ACKED = "Opened in the last 90 days, answer known";
  const drills = [
    { name: "acked", link: (p: Page) => p.getByTestId("figure-acked").locator('[data-figure="all"]'), param: /[?&]acked=90(&|$)/, filters: [ACKED], gone: /[?&]acked=/, done: false },
    { name: "acked in time", link: (p: Page) => p.getByTestId("figure-acked").locator('[data-figure="within"]'), param: /[?&]acked=90&ackedWithin2Days=1/, filters: [ACKED, "Acked within 2 days"], gone: /[?&]acked/, done: false },
    { name: done!.quarter, link: (p: Page) => p.getByTestId("on-time").locator(`a[data-quarter="${done!.quarter}"]`), param: new RegExp(`[?&]done=${done!.quarter}`), filters: [`Done in ${q} ${year}`], gone: /[?&]done=/, done: true },
  ];
  for (const drill of drills) {
    await expect(async () => {
      await page.goto("/rotation");
      const link = drill.link(page);
      // "12 tasks opened in the last 90 days …", "3 within 2 days", "41 done in Q3 2026: …": the count comes first.
      const count = drill.name === "acked in time" ? Number((await link.textContent())!.match(/^(\d+) within 2 days$/)![1]) : await figure(link);
      if (drill.done) expect(count, "the quarter's done tasks").toBeGreaterThan(0);
      await link.click();
      await expect(page).toHaveURL(drill.param);
      for (const filter of drill.filters) await expect(page.getByLabel(filter, { exact: true })).toBeChecked();
      await expect(page.getByTestId("task-list").locator("[data-group]")).toHaveCount(1);
      const { rows, shown, counted } = await allRows(page);
      expect(shown, `${drill.name}: rows on the page`).toBe(count);
      expect(counted, `${drill.name}: the group's count`).toBe(count);
      const statuses = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-status")));
      for (const status of statuses) {
        if (drill.done) expect(status).toBe("done");
        else expect(status).not.toBe("skipped");
      }
    }).toPass({ timeout: 60_000 });
    if (drill.name === "acked") {
      await page.evaluate(() => window.scrollTo(0, 0));
      await atWidths(page, "rotation-list-acked");
    }
    await page.getByRole("button", { name: "Clear", exact: true }).click();
    for (const filter of drill.filters) await expect(page.getByLabel(filter, { exact: true })).toHaveCount(0);
    await expect(page).not.toHaveURL(drill.gone);
    await expect(page.getByTestId("task-list").locator("[data-group]")).toHaveCount(4);
  }
  // A filter removed on its own: unticking the quarter's toggle (which then goes) shows every group again.
  await page.goto(`/rotation?view=list&done=${done!.quarter}`);
  const toggle = page.getByLabel(`Done in ${q} ${year}`, { exact: true });
  await expect(page.getByTestId("task-list").locator("[data-group]")).toHaveCount(1);
  // A click that lands before the island has hydrated is lost: try again until it takes.
  await expect(async () => {
    if (await toggle.count()) await toggle.click({ timeout: 2_000 });
    await expect(page).not.toHaveURL(/[?&]done=/, { timeout: 2_000 });
  }).toPass({ timeout: 15_000 });
  await expect(toggle).toHaveCount(0);
  await expect(page.getByTestId("task-list").locator("[data-group]")).toHaveCount(4);
});

test("an owner's counts say whose they are, and 'N of them yours' is the list and My tasks", async ({ page }) => {
  await signInAs(page, PERSONAS.owner);
  for (const { card, group, param } of [
    { card: "figure-overdue", group: "overdue", param: /overdue=1.*mine=1/ },
    { card: "figure-due", group: "soon", param: /due=14.*mine=1/ },
  ]) {
    await expect(async () => {
      await page.goto("/rotation/mine");
      await expect(page.getByTestId(card).locator('[data-figure="all"]')).toHaveAttribute("aria-label", /on your secrets$/);
      const yours = page.getByTestId(card).locator('[data-figure="mine"]');
      await expect(yours).toHaveText(/^\d+ of them yours$/);
      const mine = Number((await yours.textContent())!.split(" ")[0]);
      const inMyTasks = page.getByTestId("my-tasks").locator(`[data-group="${group}"] [data-task-row]`);
      await expect(page.getByTestId("my-tasks").getByText("Loading your tasks…")).toHaveCount(0);
      expect(await inMyTasks.count(), `${card}: My tasks' group`).toBe(mine);
      await yours.click();
      await expect(page).toHaveURL(param);
      await expect(page.getByLabel("Mine", { exact: true })).toBeChecked();
      const { shown, counted } = await allRows(page);
      expect(shown).toBe(mine);
      expect(counted).toBe(mine);
    }).toPass({ timeout: 60_000 });
  }
  await page.goto("/rotation/mine");
  await expect(page.getByTestId("my-tasks").getByTestId("task-order")).toHaveText("Sorted by risk: tier, environment, days overdue");
  await expect(page.getByTestId("my-tasks").locator("[data-task-row]").first()).toBeVisible();
  await atWidths(page, "rotation-my-tasks-whose");
});

const envRank = (e: string | null) => ({ prod: 0, staging: 1, dev: 2 })[e ?? ""] ?? 3;
const riskKey = (t: RotationTask) => [t.secret.tier ?? 5, envRank(t.secret.environment), Date.parse(t.dueAt)];
/** `a` sorts before `b` or with it: the first key that differs decides. */
function notAfter(a: number[], b: number[]): boolean {
  const i = a.findIndex((x, k) => x !== b[k]);
  return i === -1 || a[i]! < b[i]!;
}

test("task lists come by risk and say so: a tier-1 production key before a dev key overdue longer; the order can be changed", async ({ page, baseURL }) => {
  const admin = await apiAs(baseURL!, PERSONAS.admin);
  const risk = (await tasks(admin, { overdue: "true" })).items;
  for (let i = 1; i < risk.length; i++) expect(notAfter(riskKey(risk[i - 1]!), riskKey(risk[i]!)), `${risk[i - 1]!.secret.name} before ${risk[i]!.secret.name}`).toBe(true);
  const byDue = (await tasks(admin, { overdue: "true", sort: "due" })).items;
  expect(byDue.map((t) => t.dueAt)).toEqual([...byDue.map((t) => t.dueAt)].sort());
  // The case, in the demo company: a tier-1 production task ahead of a dev task that is more overdue.
  const payment = risk.find((t) => t.secret.tier === 1 && t.secret.environment === "prod");
  const devKey = risk.find((t) => t.secret.environment === "dev" && payment && t.dueAt < payment.dueAt);
  if (payment && devKey) expect(risk.indexOf(payment)).toBeLessThan(risk.indexOf(devKey));
  await admin.dispose();

  await signInAs(page, PERSONAS.admin);
  await page.goto("/rotation?view=list&overdue=1");
  await expect(page.getByTestId("task-order")).toHaveText("Sorted by risk: tier, environment, days overdue");
  const rows = page.getByTestId("task-list").locator('[data-group="overdue"] [data-task-row]');
  await expect(rows.first()).toBeVisible();
  const shown = async () => rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-task-row")));
  await expect(async () => expect(await shown()).toEqual(risk.slice(0, await rows.count()).map((t) => t.id))).toPass({ timeout: 15_000 });
  await page.getByRole("combobox", { name: "Order" }).selectOption("due");
  await expect(page).toHaveURL(/sort=due/);
  await expect(page.getByTestId("task-order")).toHaveText("Sorted by due date: the most overdue first");
  await expect(async () => expect(await shown()).toEqual(byDue.slice(0, await rows.count()).map((t) => t.id))).toPass({ timeout: 15_000 });
});

test("'I approve' lists the rotations on secrets one approves, in the UI and the API", async ({ page, baseURL }) => {
  const owner = await apiAs(baseURL!, PERSONAS.owner);
  const me = await findPerson(owner, PERSONAS.owner);
  expect((await tasks(owner, { approver: "me" })).total, "the demo company has Priya approve some secrets").toBeGreaterThan(0);
  const approved = await tasks(owner, { approver: "me", overdue: "true" });
  expect(approved.items.every((t) => t.approver?.id === me.id)).toBe(true);
  expect((await owner.get("/api/v1/rotation/tasks", { params: { approver: "someone" } })).status()).toBe(422);
  await owner.dispose();

  await signInAs(page, PERSONAS.owner);
  await page.goto("/rotation?view=list");
  // A click that lands before the island has hydrated is lost (React resets the box): try again until it takes.
  await expect(async () => {
    await page.getByLabel("I approve", { exact: true }).check({ timeout: 2_000 });
    await expect(page).toHaveURL(/approver=me/, { timeout: 2_000 });
  }).toPass({ timeout: 15_000 });
  await expect(page.getByLabel("I approve", { exact: true })).toBeChecked();
  await expect(page.getByLabel("Overdue only", { exact: true })).not.toBeChecked();
  await page.getByLabel("Overdue only", { exact: true }).click();
  await expect(page.getByLabel("Overdue only", { exact: true })).toBeChecked();
  await expect(page).toHaveURL(/approver=me.*overdue=1|overdue=1.*approver=me/);
  await expect(async () => {
    const { rows, shown } = await allRows(page);
    expect(shown).toBe(approved.total);
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-task-row")))).toEqual(approved.items.map((t) => t.id));
  }).toPass({ timeout: 30_000 });
  await atWidths(page, "rotation-list-approver");
});

test("the rotation pages at 1440 and 390 px", async ({ page }) => {
  await signInAs(page, PERSONAS.admin);
  for (const [path, name, ready] of [
    ["/rotation", "rotation-month-whose", "rotation-summary"],
    ["/rotation?view=list&due=14", "rotation-list-due", "task-list"],
    ["/rotation/capacity", "rotation-capacity-whose", "rotation-summary"],
  ] as const) {
    await page.goto(path);
    await expect(page.getByTestId(ready)).toBeVisible();
    await expect(page.getByText(/^Loading/)).toHaveCount(0);
    await atWidths(page, name);
  }
});
