// The rotation calendar as people use it: an owner finds a task in My tasks and on the calendar,
// acknowledges it (optimistically — the row changes before the server answers, and goes back when
// the server refuses), marks it done with a note; a skip without a reason is refused in place and
// changes nothing; the grid works from the keyboard; an admin tightens a policy and the task's due
// date moves in the drawer; an admin overrides one secret's policy on its page; the sign-off comes
// from a second person, a skip needs a real reason, and the history says who did each step.
// Screenshots of every view go to docs/screenshots/rotation-*.png (and secret-rotation.png).
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { apiAs, findPerson, type SecretRow } from "./fixtures/api";
import { PERSONAS, signInAs } from "./fixtures/auth";
import { screenshot } from "./fixtures/screenshot";
import type { RotationTask } from "@/lib/data/rotation/rotation-task-json";
import type { RotationPolicyJson } from "@/lib/data/rotation/get-rotation-policies";

const DAY = 86_400_000;
const day = (iso: string | number) => new Date(iso).toISOString().slice(0, 10);
/** A due date as the drawer prints it, formatted by the browser (its locale data, not Node's). */
const dueText = (page: Page, iso: string) =>
  page.evaluate((at) => new Date(at).toLocaleDateString("en-GB", { weekday: "short", day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }), iso);

async function tasks(api: APIRequestContext, params: Record<string, string>): Promise<RotationTask[]> {
  const response = await api.get("/api/v1/rotation/tasks", { params: { limit: "500", ...params } });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { items: RotationTask[] }).items;
}

async function task(api: APIRequestContext, id: string): Promise<RotationTask> {
  const response = await api.get(`/api/v1/rotation/tasks/${id}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as RotationTask;
}

/** Priya's scheduled tasks waiting for her acknowledgement, not yet due (spec-made rotate-now tasks left out). */
async function myOpenTasks(owner: APIRequestContext) {
  return tasks(owner, { assignee: "me", status: "open", kind: "scheduled", overdue: "false" });
}

const drawer = (page: Page) => page.getByTestId("task-drawer");

test.describe.configure({ mode: "serial" });

test("an owner sees a task in My tasks and on the calendar, acknowledges it at once and marks it done with a note", async ({ page, baseURL }) => {
  const owner = await apiAs(baseURL!, PERSONAS.owner);
  const open = await myOpenTasks(owner);
  const target = open.find((t) => !t.requiresApproval) ?? open[0];
  expect(target, "the demo company gives Priya an open task that is not due yet").toBeDefined();
  const other = open.find((t) => t.id !== target!.id)!;
  expect(other).toBeDefined();

  await signInAs(page, PERSONAS.owner);
  await page.goto("/rotation/mine");
  const row = page.locator(`[data-task-row="${target!.id}"]`);
  await expect(row).toContainText(target!.secret.name);
  await expect(row).toHaveAttribute("data-status", "open");
  await expect(page.getByTestId("my-tasks")).toContainText("Overdue");
  await expect(page.getByRole("region", { name: "Rotation summary" })).toContainText("Done on time, per quarter");
  await screenshot(page, "rotation-my-tasks");

  // On the calendar too: the month of its due date, filtered to mine.
  await page.goto(`/rotation?mine=1&date=${day(target!.dueAt)}`);
  await expect(page.getByTestId("month-grid").locator(`[data-day="${day(target!.dueAt)}"] [data-task-chip="${target!.id}"]`)).toBeVisible();
  await page.goto("/rotation/mine");

  // A refused acknowledgement goes back and says why (the server's word, not a guess).
  await page.route(`**/api/v1/rotation/tasks/${other.id}/acknowledge`, (route) =>
    route.fulfill({ status: 409, contentType: "application/problem+json", body: JSON.stringify({ status: 409, title: "Conflict", detail: "This task is already acknowledged, so it cannot be acknowledged." }) }),
  );
  const otherRow = page.locator(`[data-task-row="${other.id}"]`);
  await otherRow.getByRole("button", { name: `Acknowledge ${other.secret.name}` }).click();
  await expect(otherRow.getByRole("alert")).toContainText("already acknowledged");
  await expect(otherRow).toHaveAttribute("data-status", "open");
  await page.unroute(`**/api/v1/rotation/tasks/${other.id}/acknowledge`);

  // Optimistic: the row says acknowledged while the server is still thinking.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(`**/api/v1/rotation/tasks/${target!.id}/acknowledge`, async (route) => {
    await held;
    await route.continue();
  });
  const acknowledged = page.waitForResponse((r) => r.url().endsWith(`/api/v1/rotation/tasks/${target!.id}/acknowledge`));
  await row.getByRole("button", { name: `Acknowledge ${target!.secret.name}` }).click();
  await expect(row).toHaveAttribute("data-status", "acknowledged");
  await expect(row).toContainText("Acknowledged");
  expect((await task(owner, target!.id)).status, "not yet on the server").toBe("open");
  release();
  expect((await acknowledged).status()).toBe(200);
  await expect.poll(async () => (await task(owner, target!.id)).status).toBe("acknowledged");
  await expect(row).toHaveAttribute("data-status", "acknowledged");
  await page.unroute(`**/api/v1/rotation/tasks/${target!.id}/acknowledge`);

  // Mark done from the drawer, with a note.
  await row.getByRole("button", { name: `Mark ${target!.secret.name} done` }).click();
  await expect(page).toHaveURL(new RegExp(`task=${target!.id}`));
  await expect(drawer(page).getByRole("heading", { level: 2 })).toHaveText(target!.secret.name);
  await expect(drawer(page).getByTestId("task-history")).toContainText("Acknowledged by Priya Raman");
  await expect(drawer(page).getByTestId("impact-checklist")).toContainText("People to notify");
  await drawer(page).getByRole("button", { name: "Mark done…" }).click();
  const note = "Rotated in the provider console, store updated, consumers redeployed; old key revoked.";
  await drawer(page).getByLabel("How was it rotated?").fill(note);
  await screenshot(page, "rotation-drawer");
  await drawer(page).getByRole("button", { name: "Mark done", exact: true }).click();
  const finalStatus = target!.requiresApproval ? "awaiting_approval" : "done";
  await expect(drawer(page).locator("[data-task]")).toHaveAttribute("data-status", finalStatus);
  await expect(drawer(page).getByTestId("task-history")).toContainText("Marked done by Priya Raman");
  await expect(drawer(page).getByTestId("task-history")).toContainText(note);
  const saved = await task(owner, target!.id);
  expect(saved.status).toBe(finalStatus);
  expect(saved.note).toBe(note);
  expect(saved.completedBy?.name).toBe("Priya Raman");

  await page.keyboard.press("Escape");
  await expect(page).not.toHaveURL(/task=/);
  await expect(page.locator(`[data-task-row="${target!.id}"]`)).toHaveCount(target!.requiresApproval ? 1 : 0);
  await owner.dispose();
});

test("a skip without a reason is refused in place and changes nothing", async ({ page, baseURL }) => {
  const owner = await apiAs(baseURL!, PERSONAS.owner);
  // One Priya may skip herself: a rotation that needs sign-off is skipped only by a second person (below).
  const target = (await myOpenTasks(owner)).find((t) => !t.requiresApproval);
  expect(target).toBeDefined();
  const before = await task(owner, target!.id);

  await signInAs(page, PERSONAS.owner);
  await page.goto(`/rotation?task=${target!.id}`);
  await expect(drawer(page).getByRole("heading", { level: 2 })).toHaveText(target!.secret.name);
  await drawer(page).getByRole("button", { name: "Skip…" }).click();
  const refused = page.waitForResponse((r) => r.url().endsWith(`/api/v1/rotation/tasks/${target!.id}/skip`));
  await drawer(page).getByRole("button", { name: "Skip rotation" }).click();
  expect((await refused).status()).toBe(400);
  await expect(drawer(page).getByRole("alert")).toHaveText("A reason for skipping is required");
  await expect(drawer(page).getByLabel("Why skip this rotation?")).toHaveAttribute("aria-invalid", "true");
  await expect(drawer(page).locator("[data-task]")).toHaveAttribute("data-status", "open");

  const after = await task(owner, target!.id);
  expect(after.status).toBe("open");
  expect(after.sequence).toBe(before.sequence);
  expect(after.skippedReason).toBeNull();
  await owner.dispose();
});

test("the month grid works from the keyboard: arrows move between days, Enter opens a task, Escape closes it and focus returns", async ({ page, baseURL }) => {
  const admin = await apiAs(baseURL!, PERSONAS.admin);
  const today = day(Date.now());
  const month = today.slice(0, 7);
  const inMonth = (await tasks(admin, { from: `${month}-01`, to: day(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5)), 1)) })).filter((t) => day(t.dueAt) !== today);
  expect(inMonth.length, "tasks due this month").toBeGreaterThan(0);
  const target = inMonth[0]!;
  await admin.dispose();

  await signInAs(page, PERSONAS.admin);
  await page.goto("/rotation");
  const grid = page.getByRole("grid");
  await expect(grid.locator("[data-task-chip]").first()).toBeVisible();
  // Tall enough for the whole month.
  await page.setViewportSize({ width: 1440, height: 1320 });
  await screenshot(page, "rotation-month");
  await page.setViewportSize({ width: 1440, height: 900 });

  // Start on today (the one day cell in the Tab order) and walk to the task's day.
  const start = grid.locator(`[data-day="${today}"]`);
  await expect(start).toHaveAttribute("tabindex", "0");
  await start.focus();
  let delta = Math.round((Date.parse(day(target.dueAt)) - Date.parse(today)) / DAY);
  while (Math.abs(delta) >= 7) {
    await page.keyboard.press(delta > 0 ? "ArrowDown" : "ArrowUp");
    delta += delta > 0 ? -7 : 7;
  }
  for (; delta !== 0; delta += delta > 0 ? -1 : 1) await page.keyboard.press(delta > 0 ? "ArrowRight" : "ArrowLeft");
  const cell = grid.locator(`[data-day="${day(target.dueAt)}"]`);
  await expect(cell).toBeFocused();
  await expect(cell).toHaveAttribute("tabindex", "0");

  await page.keyboard.press("Enter");
  const chip = cell.locator("[data-task-chip]").first();
  await expect(chip).toBeFocused();
  const chipTask = await chip.getAttribute("data-task-chip");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`task=${chipTask}`));
  await expect(drawer(page)).toBeVisible();
  await expect(drawer(page).locator("[data-task]")).toHaveAttribute("data-task", chipTask!);

  await page.keyboard.press("Escape");
  await expect(drawer(page)).toBeHidden();
  await expect(page).not.toHaveURL(/task=/);
  await expect(chip).toBeFocused();

  // Arrow keys past the month's edge page to the next month.
  await page.keyboard.press("PageDown");
  await expect(page).toHaveURL(/date=\d{4}-\d{2}-\d{2}/);
  await expect(page.locator("#calendar-title")).not.toHaveText(new Date(`${today}T00:00:00Z`).toLocaleDateString("en-GB", { month: "long", year: "numeric", timeZone: "UTC" }));
});

test("the week view, the list and the capacity calculator", async ({ page, baseURL }) => {
  const admin = await apiAs(baseURL!, PERSONAS.admin);
  // The busiest of the next six weeks makes the week view worth looking at.
  const upcoming = await tasks(admin, { from: day(Date.now()), to: day(Date.now() + 42 * DAY) });
  const monday = (iso: string) => {
    const d = new Date(`${day(iso)}T00:00:00Z`);
    return day(d.getTime() - ((d.getUTCDay() + 6) % 7) * DAY);
  };
  const weeks = new Map<string, number>();
  for (const t of upcoming) weeks.set(monday(t.dueAt), (weeks.get(monday(t.dueAt)) ?? 0) + 1);
  const busiest = [...weeks.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? day(Date.now());
  const capacity = (await (await admin.get("/api/v1/rotation/capacity")).json()) as { fits: boolean; minutesPerRotation: number; engineerHoursPerMonth: number };
  await admin.dispose();

  await signInAs(page, PERSONAS.admin);
  await page.goto(`/rotation?view=week&date=${busiest}`);
  await expect(page.getByTestId("week-grid").locator("[data-task-chip]").first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Week", exact: true })).toHaveAttribute("aria-pressed", "true");
  await screenshot(page, "rotation-week");

  await page.getByRole("button", { name: "List", exact: true }).click();
  await expect(page).toHaveURL(/view=list/);
  const list = page.getByTestId("task-list");
  await expect(list.locator('[data-group="overdue"] [data-task-row]').first()).toBeVisible();
  await expect(list.locator('[data-group="later"] [data-task-row]').first()).toBeVisible();
  await expect(list.locator('[data-group="done_recently"] [data-task-row]').first()).toBeVisible();
  await screenshot(page, "rotation-list");
  const overdueRows = list.locator('[data-group="overdue"] [data-task-row]');
  const shown = await overdueRows.count();
  // Enter on Load more: focus lands on the first new row, not the top of the page.
  await list.getByRole("button", { name: "Load more overdue" }).focus();
  await page.keyboard.press("Enter");
  await expect.poll(() => overdueRows.count()).toBeGreaterThan(shown);
  await expect(overdueRows.nth(shown)).toBeFocused();
  await page.getByLabel("Overdue only").click();
  await expect(page).toHaveURL(/overdue=1/);
  await expect(list.locator("[data-group]")).toHaveCount(1);
  await expect(page.getByLabel("Overdue only")).toBeChecked();

  await page.getByRole("link", { name: "Capacity", exact: true }).click();
  await expect(page.getByLabel("Minutes to rotate one secret safely")).toHaveValue(String(capacity.minutesPerRotation));
  await expect(page.getByTestId("minutes-source")).not.toBeEmpty();
  if (!capacity.fits) {
    await expect(page.getByTestId("capacity-warning")).toContainText("does not fit");
    await expect(page.getByTestId("automate-secrets").getByRole("link").first()).toHaveAttribute("href", /^\/secrets\//);
    await expect(page.getByTestId("automate-secrets").getByRole("link").first()).not.toHaveText("…");
  }
  await page.setViewportSize({ width: 1440, height: 1200 });
  await screenshot(page, "rotation-capacity");
  await page.setViewportSize({ width: 1440, height: 900 });
  // Enough engineer-hours make any policy fit.
  await page.getByLabel("Engineer-hours per month for rotations").fill("10000");
  await expect(page.getByTestId("capacity-bar")).toHaveAttribute("data-fits", "true");
  await expect(page.getByTestId("capacity")).toContainText("The policy fits");
});

test("an admin tightens a policy: bad values are refused by field, and the task's due date moves in the drawer", async ({ page, baseURL }) => {
  const admin = await apiAs(baseURL!, PERSONAS.admin);
  const candidates = (await tasks(admin, { status: "open,acknowledged", kind: "scheduled", overdue: "false" })).filter((t) => t.secret.tier !== null && t.secret.environment !== null);
  const target = candidates.at(-1)!;
  expect(target, "an upcoming scheduled task on a secret with a known tier and environment").toBeDefined();
  const { tier, environment } = target.secret as { tier: number; environment: string };
  const { policies } = (await (await admin.get("/api/v1/rotation/policies")).json()) as { policies: RotationPolicyJson[] };
  const before = policies.find((p) => p.tier === tier && p.environment === environment)!;
  const tighter = before.intervalDays - 30;
  const grace = Math.min(before.graceDays, tighter - 1);

  try {
    await signInAs(page, PERSONAS.admin);
    await page.goto(`/rotation?task=${target.id}`);
    await expect(drawer(page).getByTestId("task-due")).toHaveText(await dueText(page, target.dueAt));
    await page.keyboard.press("Escape");

    await page.getByRole("link", { name: "Policies", exact: true }).click();
    const cell = page.locator(`[data-policy="${tier}-${environment}"]`);
    await cell.getByRole("button").click();
    const form = cell.getByRole("form");
    await form.getByLabel("Interval (days)").fill("-5");
    await form.getByRole("button", { name: "Review change" }).click();
    await expect(form.getByRole("alert")).toHaveText("The interval must be between 1 and 3650");
    await form.getByLabel("Interval (days)").fill(String(tighter));
    await form.getByLabel("Grace (days)").fill(String(tighter));
    await form.getByRole("button", { name: "Review change" }).click();
    await expect(form.getByRole("alert")).toHaveText(`The grace period (${tighter} days) must be shorter than the interval (${tighter} days)`);
    expect((await task(admin, target.id)).dueAt, "a refused policy changes nothing").toBe(target.dueAt);
    await screenshot(page, "rotation-policies");

    await form.getByLabel("Grace (days)").fill(String(grace));
    await expect(form.getByRole("alert")).toHaveCount(0);
    const saved = page.waitForResponse((r) => r.url().endsWith(`/api/v1/rotation/policies/${tier}/${environment}`) && r.request().method() === "PUT");
    // The change is previewed first (e2e/rotation-history.spec.ts), then applied.
    await form.getByRole("button", { name: "Review change" }).click();
    await page.getByTestId("policy-preview").getByRole("button", { name: "Apply change" }).click();
    expect((await saved).status()).toBe(200);
    await expect(cell).toContainText(`Every ${tighter} days`);
    await expect(cell.getByRole("status")).toContainText("moved");

    const moved = new Date(Date.parse(target.dueAt) - 30 * DAY).toISOString();
    await expect.poll(async () => (await task(admin, target.id)).dueAt).toBe(moved);
    // Back on the calendar without a reload: the task's cached detail was invalidated by the change.
    await page.getByRole("link", { name: "Calendar", exact: true }).click();
    await expect(page.getByRole("grid")).toBeVisible();
    await page.evaluate((id) => window.history.pushState(null, "", `/rotation?task=${id}`), target.id);
    await expect(drawer(page).getByTestId("task-due")).toHaveText(await dueText(page, moved));
  } finally {
    // Leave the demo company's policy as seeded for the other specs.
    const restore = await admin.put(`/api/v1/rotation/policies/${tier}/${environment}`, { data: { intervalDays: before.intervalDays, graceDays: before.graceDays, requiresApproval: before.requiresApproval } });
    expect(restore.status()).toBe(200);
    await admin.dispose();
  }
});

// The Rotation section of a secret's page: an admin overrides the policy for one secret — refused in
// place without a reason (nothing changes), then with one: the section shows the override and the new
// due date, and the secret's open task moved with it — and clears it again (the database is left as
// found). An owner sees the same section read-only. Screenshot: docs/screenshots/secret-rotation.png.
// Here, not in a file of its own, so it never runs beside the tests above on the same database.
async function openTaskOf(api: APIRequestContext, secretId: string): Promise<RotationTask> {
  const response = await api.get("/api/v1/rotation/tasks", { params: { secret: secretId, kind: "scheduled", status: "open" } });
  expect(response.status()).toBe(200);
  const { items } = (await response.json()) as { items: RotationTask[] };
  expect(items).toHaveLength(1);
  return items[0]!;
}

test.describe("a secret's rotation section", () => {
  let admin: APIRequestContext;
  let target: RotationTask;
  let intervalDays: number;

  test.beforeAll(async ({ baseURL }) => {
    admin = await apiAs(baseURL!, PERSONAS.admin);
    // A secret Priya operates, of known tier and environment, with an open scheduled task not yet due
    // (the tests above have finished with theirs: this file runs in order).
    const response = await admin.get("/api/v1/rotation/tasks", { params: { kind: "scheduled", status: "open", overdue: "false", limit: "500" } });
    const { items } = (await response.json()) as { items: RotationTask[] };
    const found = items.find((t) => t.assignee?.email === PERSONAS.owner && t.secret.tier !== null && t.secret.environment !== null && !t.requiresApproval);
    expect(found, "the demo company gives Priya an open task on a secret of known tier and environment").toBeDefined();
    target = found!;
    const { policies } = (await (await admin.get("/api/v1/rotation/policies")).json()) as { policies: RotationPolicyJson[] };
    intervalDays = policies.find((p) => p.tier === target.secret.tier && p.environment === target.secret.environment)!.intervalDays;
  });

  test.afterAll(async () => {
    // Whatever happened above, the secret goes back to its policy (DELETE is idempotent).
    await admin.delete(`/api/v1/secrets/${target.secret.id}/rotation-override`);
    await admin.dispose();
  });

  test("an admin overrides a secret's policy with a reason, sees the due date move, and clears it again", async ({ page }) => {
    const before = await openTaskOf(admin, target.secret.id);
    await signInAs(page, PERSONAS.admin);
    await page.goto(`/secrets/${target.secret.id}`);
    const section = page.getByRole("region", { name: "Rotation", exact: true });
    const policy = section.getByTestId("rotation-policy");
    const nextDue = section.getByTestId("rotation-next-due");
    await expect(policy).toContainText(`Every ${intervalDays} days`);
    await expect(section.getByTestId("rotation-policy-source")).toContainText(`Tier ${target.secret.tier} ×`);
    await expect(nextDue).toHaveAttribute("data-due", before.dueAt);
    const openTask = section.getByTestId("rotation-open-task");
    await expect(openTask).toContainText("Priya");
    await expect(openTask.getByRole("link", { name: "Open task" })).toHaveAttribute("href", `/rotation?task=${before.id}`);

    // No reason: refused under the reason field, and nothing changed.
    const shorter = intervalDays - 30;
    await section.getByRole("button", { name: "Override policy" }).click();
    const form = section.getByRole("form", { name: "Rotation override" });
    await form.getByLabel("Interval (days)").fill(String(shorter));
    await form.getByRole("button", { name: "Save override" }).click();
    await expect(form.getByRole("alert")).toContainText("Say why this secret is an exception");
    await expect(form.getByLabel("Reason (required)")).toHaveAttribute("aria-invalid", "true");
    expect((await openTaskOf(admin, target.secret.id)).dueAt).toBe(before.dueAt);
    await expect(policy).toContainText(`Every ${intervalDays} days`);
    await page.screenshot({ path: ".test-results/secret-rotation-refused.png" });

    // With a reason: the section shows the override, who set it, and the new due date; the task moved.
    await form.getByLabel("Reason (required)").fill("In PCI scope since the card-vault migration");
    await form.getByRole("button", { name: "Save override" }).click();
    await expect(section.getByRole("status")).toContainText("Override saved");
    await expect(policy).toContainText(`Every ${shorter} days`);
    await expect(section.getByTestId("rotation-override-reason")).toHaveText("In PCI scope since the card-vault migration");
    await expect(section.getByTestId("rotation-policy-source")).toContainText("Set by Sam");
    const moved = await openTaskOf(admin, target.secret.id);
    expect(Date.parse(moved.dueAt)).toBe(Date.parse(before.dueAt) - 30 * DAY);
    await expect(nextDue).toHaveAttribute("data-due", moved.dueAt);
    await expect(nextDue).toContainText(day(moved.dueAt));
    await section.evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 24));
    await screenshot(page, "secret-rotation");
    await page.screenshot({ path: ".test-results/secret-rotation-page.png", fullPage: true });

    // Clear it: back to the tier × environment policy and the original due date.
    await section.getByRole("button", { name: "Change override" }).click();
    await section.getByRole("button", { name: "Clear override" }).click();
    await expect(section.getByRole("status")).toContainText("Override cleared");
    await expect(policy).toContainText(`Every ${intervalDays} days`);
    await expect(section.getByTestId("rotation-override-reason")).toHaveCount(0);
    expect((await openTaskOf(admin, target.secret.id)).dueAt).toBe(before.dueAt);
    await expect(nextDue).toHaveAttribute("data-due", before.dueAt);
  });

  test("an owner sees the section read-only, and the API refuses their override", async ({ page, baseURL }) => {
    await signInAs(page, PERSONAS.owner);
    await page.goto(`/secrets/${target.secret.id}`);
    const section = page.getByRole("region", { name: "Rotation", exact: true });
    await expect(section.getByTestId("rotation-policy")).toContainText(`Every ${intervalDays} days`);
    await expect(section.getByTestId("rotation-next-due")).toContainText(day(target.dueAt));
    await expect(section.getByTestId("rotation-open-task")).toBeVisible();
    await expect(section.getByRole("button", { name: /override/i })).toHaveCount(0);
    await expect(section.getByRole("form")).toHaveCount(0);
    await page.screenshot({ path: ".test-results/secret-rotation-owner.png", fullPage: true });

    const owner = await apiAs(baseURL!, PERSONAS.owner);
    const refused = await owner.put(`/api/v1/secrets/${target.secret.id}/rotation-override`, { data: { intervalDays: 30, reason: "mine" } });
    expect(refused.status()).toBe(403);
    await owner.dispose();
  });
});

// Separation of duties (issue 9): the sign-off on a task that needs it comes from a second person.
// Each test makes its own state on a demo secret (an admin sets its operator and approver) and puts
// the secret's owners back after, so the demo company is left as seeded for the other specs.
type Holders = Record<"operator" | "approver", { id: string } | undefined>;

async function holdersOf(api: APIRequestContext, secretId: string): Promise<Holders> {
  const response = await api.get(`/api/v1/secrets/${secretId}`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { holders: Holders }).holders;
}

async function restoreHolders(admin: APIRequestContext, secretId: string, holders: Holders) {
  for (const role of ["approver", "operator"] as const) {
    const person = holders[role];
    const response = person ? await admin.put(`/api/v1/secrets/${secretId}/roles/${role}`, { data: { personId: person.id } }) : await admin.delete(`/api/v1/secrets/${secretId}/roles/${role}`);
    expect(response.status()).toBe(200);
  }
}

/** An open scheduled task that needs sign-off (an upcoming one if any), on a secret no other spec works with. */
async function approvalTask(admin: APIRequestContext): Promise<RotationTask> {
  const candidates = (await tasks(admin, { status: "open", kind: "scheduled" })).filter(
    (t) => t.requiresApproval && t.secret.name !== "prod/payments/stripe-secret-key" && t.assignee?.email !== PERSONAS.owner,
  );
  expect(candidates.length, "the demo company has open tier-1 production rotations that need sign-off").toBeGreaterThan(0);
  return candidates.find((t) => !t.overdue) ?? candidates.at(-1)!;
}

test("an approver who is also the operator cannot sign off: an admin other than the doer does, the conflict stays in sight and the history says who did each step", async ({ page, baseURL }) => {
  const admin = await apiAs(baseURL!, PERSONAS.admin);
  const owner = await apiAs(baseURL!, PERSONAS.owner);
  const priya = await findPerson(admin, PERSONAS.owner);
  const target = await approvalTask(admin);
  const original = await holdersOf(admin, target.secret.id);
  try {
    // An admin may make one person both (the answer says it is a conflict); the task follows its operator.
    expect((await admin.put(`/api/v1/secrets/${target.secret.id}/roles/operator`, { data: { personId: priya.id } })).status()).toBe(200);
    const both = await admin.put(`/api/v1/secrets/${target.secret.id}/roles/approver`, { data: { personId: priya.id } });
    expect(both.status()).toBe(200);
    expect(await both.json()).toMatchObject({ conflict: true });
    const assigned = await task(owner, target.id);
    expect(assigned).toMatchObject({ assignee: { id: priya.id }, approver: { id: priya.id }, signOff: { by: "admin", conflict: "approver_is_operator" } });
    expect(assigned.signOff!.signers.map((s) => s.name)).toEqual(["Arjun Mehta", "Sam Okafor"]);

    // Priya sees the conflict on her row, in the list and in the drawer; she rotates and marks it done.
    await signInAs(page, PERSONAS.owner);
    await page.goto("/rotation/mine");
    await expect(page.locator(`[data-task-row="${target.id}"]`).getByTestId("sign-off-conflict")).toContainText("approver = operator");
    await page.screenshot({ path: ".test-results/rotation-my-tasks-conflict.png" });
    await page.goto("/rotation?view=list&mine=1");
    await expect(page.getByTestId("task-list").locator(`[data-task-row="${target.id}"]`).getByTestId("sign-off-conflict")).toBeVisible();
    await page.screenshot({ path: ".test-results/rotation-list-conflict.png", fullPage: true });
    await page.goto(`/rotation?task=${target.id}`);
    await expect(drawer(page).getByTestId("task-conflict")).toContainText("Priya Raman is both this secret's approver and its operator");
    await expect(drawer(page).getByTestId("task-conflict")).toContainText("An admin signs off instead: Arjun Mehta or Sam Okafor");
    await expect(drawer(page).getByTestId("task-sign-off")).toContainText("An admin: Arjun Mehta or Sam Okafor");
    await expect(drawer(page).getByTestId("skip-needs-second")).toContainText("a second person's decision");
    await expect(drawer(page).getByRole("button", { name: "Skip…" })).toHaveCount(0);
    await drawer(page).getByRole("button", { name: "Acknowledge" }).click();
    await expect(drawer(page).getByTestId("task-history")).toContainText("Acknowledged by Priya Raman");
    await drawer(page).getByRole("button", { name: "Mark done…" }).click();
    await drawer(page).getByLabel("How was it rotated?").fill("New signing key issued, store updated, consumers redeployed; old key revoked.");
    await drawer(page).getByRole("button", { name: "Mark done", exact: true }).click();
    await expect(drawer(page).locator("[data-task]")).toHaveAttribute("data-status", "awaiting_approval");
    await expect(drawer(page).getByRole("button", { name: "Approve rotation" })).toHaveCount(0);
    await expect(drawer(page).getByTestId("why-not")).toHaveText("You marked it done, so a second person signs it off: Arjun Mehta or Sam Okafor.");
    await expect(drawer(page).getByTestId("task-history")).toContainText("Marked done by Priya Raman");
    await expect(drawer(page).getByTestId("task-history")).toContainText("Waiting for a sign-off by Arjun Mehta or Sam Okafor");

    // The API refuses her sign-off, whatever the page shows.
    const refused = await owner.post(`/api/v1/rotation/tasks/${target.id}/approve`);
    expect(refused.status()).toBe(403);
    expect(((await refused.json()) as { detail: string }).detail).toBe("You marked this rotation done, so you cannot also sign it off. Arjun Mehta or Sam Okafor are the second person here.");
    expect((await task(owner, target.id)).status).toBe("awaiting_approval");

    // Sam, an admin who did none of it, finds it waiting for him and signs it off.
    await page.context().clearCookies();
    await signInAs(page, PERSONAS.admin);
    await page.goto("/rotation/mine");
    await expect(page.getByTestId("sign-off").locator(`[data-task-row="${target.id}"]`)).toBeVisible();
    await page.goto(`/rotation?task=${target.id}`);
    await expect(drawer(page).getByTestId("task-conflict")).toBeVisible();
    await expect(drawer(page).getByTestId("task-history").locator('[data-step="waiting"]')).toBeVisible();
    await screenshot(page, "rotation-drawer-conflict");
    await page.setViewportSize({ width: 390, height: 844 });
    // From the sign-off line to the history, clear of the drawer's sticky header.
    await drawer(page).getByTestId("task-sign-off").evaluate((el) => el.closest("dialog")!.scrollBy(0, el.getBoundingClientRect().top - 90));
    await screenshot(page, "rotation-drawer-conflict-mobile");
    await page.setViewportSize({ width: 1440, height: 900 });
    await drawer(page).getByRole("button", { name: "Approve rotation" }).click();
    await expect(drawer(page).locator("[data-task]")).toHaveAttribute("data-status", "done");
    await expect(drawer(page).getByTestId("task-history")).toContainText("Approved by Sam Okafor (admin)");
    await drawer(page).getByTestId("task-history").evaluate((el) => el.scrollIntoView({ block: "center" }));
    await screenshot(page, "rotation-drawer-history");

    const detail = (await (await owner.get(`/api/v1/rotation/tasks/${target.id}`)).json()) as RotationTask & { history: { step: string; actor: string; as: string | null; how: string | null }[] };
    expect(detail.history.map((s) => [s.step, s.actor, s.how, s.as])).toEqual([
      ["opened", "Keyledger", "auto", null],
      ["acknowledged", "Priya Raman", null, "assignee"],
      ["done", "Priya Raman", "manual", "assignee"],
      ["approved", "Sam Okafor", null, "admin"],
    ]);
    expect(detail).toMatchObject({ status: "done", completedBy: { name: "Priya Raman" }, approvedBy: { name: "Sam Okafor" }, signOff: { conflict: "approver_is_operator" } });

    // The ownership matrix flags the conflict as it always has.
    await page.goto(`/ownership?q=${encodeURIComponent(target.secret.name)}`);
    const row = page.getByTestId("ownership-matrix").locator(`tr[data-secret="${target.secret.name}"]`);
    await expect(row.locator('[data-role="operator"]')).toHaveAttribute("data-state", "conflict");
    await expect(row.locator('[data-role="approver"]')).toHaveAttribute("data-state", "conflict");
  } finally {
    await restoreHolders(admin, target.secret.id, original);
    await admin.dispose();
    await owner.dispose();
  }
});

test("an approver cannot make themselves operator, nor hand the approver role to the operator: refused in place, naming the field", async ({ page, baseURL }) => {
  const owner = await apiAs(baseURL!, PERSONAS.owner);
  const admin = await apiAs(baseURL!, PERSONAS.admin);
  const priya = await findPerson(admin, PERSONAS.owner);
  const { items } = (await (await owner.get("/api/v1/secrets", { params: { limit: "200" } })).json()) as { items: (SecretRow & { holders: Holders })[] };
  const approved = items.find((s) => s.holders.approver?.id === priya.id && s.holders.operator && s.holders.operator.id !== priya.id);
  expect(approved, "Priya approves a secret someone else operates").toBeDefined();
  const operatorId = approved!.holders.operator!.id;

  const self = await owner.put(`/api/v1/secrets/${approved!.id}/roles/operator`, { data: { personId: priya.id } });
  expect(self.status()).toBe(422);
  const problem = (await self.json()) as { detail: string; errors: { field: string; message: string }[] };
  expect(problem.errors).toEqual([{ field: "body.personId", message: expect.stringContaining("you cannot make yourself its operator") }]);
  const handOver = await owner.put(`/api/v1/secrets/${approved!.id}/roles/approver`, { data: { personId: operatorId } });
  expect(handOver.status()).toBe(422);
  expect(((await handOver.json()) as { errors: { field: string }[] }).errors[0]?.field).toBe("body.personId");

  await signInAs(page, PERSONAS.owner);
  await page.goto(`/ownership?q=${encodeURIComponent(approved!.name)}`);
  const select = page.getByLabel(`Operator of ${approved!.name}`);
  await expect(select).toHaveValue(operatorId);
  const answered = page.waitForResponse((r) => r.url().includes(`/api/v1/secrets/${approved!.id}/roles/operator`) && r.request().method() === "PUT");
  await select.selectOption(priya.id);
  await page.locator(`[data-secret="${approved!.name}"] [data-role="operator"]`).getByRole("button", { name: "Save" }).click();
  expect((await answered).status()).toBe(422);
  await expect(page.getByRole("alert").filter({ hasText: "You are this secret's approver, so you cannot make yourself its operator" })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel(`Operator of ${approved!.name}`)).toHaveValue(operatorId);
  expect((await holdersOf(admin, approved!.id)).operator?.id).toBe(operatorId);
  await owner.dispose();
  await admin.dispose();
});

test("a skip needs a real reason and says who skipped; a task that needs sign-off is skipped only by a second person", async ({ page, baseURL }) => {
  const owner = await apiAs(baseURL!, PERSONAS.owner);
  const admin = await apiAs(baseURL!, PERSONAS.admin);
  const priya = await findPerson(admin, PERSONAS.owner);
  const mine = (await myOpenTasks(owner)).filter((t) => !t.requiresApproval);
  const target = mine.at(-1)!;
  expect(target, "Priya has an upcoming task that needs no sign-off").toBeDefined();

  await signInAs(page, PERSONAS.owner);
  await page.goto(`/rotation?task=${target.id}`);
  await drawer(page).getByRole("button", { name: "Skip…" }).click();
  await expect(drawer(page).getByText("A real reason: at least 10 letters or digits, in two or more words.")).toBeVisible();
  await drawer(page).getByLabel("Why skip this rotation?").fill("n/a");
  const refused = page.waitForResponse((r) => r.url().endsWith(`/api/v1/rotation/tasks/${target.id}/skip`));
  await drawer(page).getByRole("button", { name: "Skip rotation" }).click();
  expect((await refused).status()).toBe(400);
  await expect(drawer(page).getByRole("alert")).toContainText("A reason for skipping needs at least 10 letters or digits, in two or more words");
  expect((await task(owner, target.id)).status).toBe("open");
  const reason = "Moving to short-lived credentials from the identity broker next sprint";
  await drawer(page).getByLabel("Why skip this rotation?").fill(reason);
  await drawer(page).getByRole("button", { name: "Skip rotation" }).click();
  await expect(drawer(page).locator("[data-task]")).toHaveAttribute("data-status", "skipped");
  await expect(drawer(page).getByTestId("task-history").locator('[data-step="skipped"]')).toContainText(`Skipped by Priya Raman`);
  await expect(drawer(page).getByTestId("task-history").locator('[data-step="skipped"]')).toContainText(reason);
  const skipped = await task(owner, target.id);
  expect(skipped).toMatchObject({ status: "skipped", skippedReason: reason, skippedBy: { id: priya.id } });
  expect(Date.now() - Date.parse(skipped.skippedAt!)).toBeLessThan(5 * 60_000);

  // A rotation that needs sign-off: its operator may not skip it alone; the approver or an admin decides.
  const gated = await approvalTask(admin);
  const original = await holdersOf(admin, gated.secret.id);
  try {
    expect((await admin.put(`/api/v1/secrets/${gated.secret.id}/roles/operator`, { data: { personId: priya.id } })).status()).toBe(200);
    const alone = await owner.post(`/api/v1/rotation/tasks/${gated.id}/skip`, { data: { reason } });
    expect(alone.status()).toBe(403);
    expect(((await alone.json()) as { detail: string }).detail).toContain("This task is yours, so you cannot skip a rotation that needs sign-off by yourself");
    const decided = await admin.post(`/api/v1/rotation/tasks/${gated.id}/skip`, { data: { reason: "Key retired with the legacy checkout, confirmed with Payments" } });
    expect(decided.status()).toBe(200);
    expect(await decided.json()).toMatchObject({ status: "skipped", skippedBy: { name: "Sam Okafor" } });
  } finally {
    await restoreHolders(admin, gated.secret.id, original);
    await owner.dispose();
    await admin.dispose();
  }
});
