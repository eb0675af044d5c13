// Every dashboard page on a phone (390 × 844), as a role that may see it: the page never scrolls
// sideways, every control is within reach (on screen, or in a container that scrolls itself), the
// main heading shows, and docs/screenshots/phone-<page>.png (and desktop-<page>.png at 1440) are
// taken to be looked at. The pages are read from app/(dashboard) (e2e/fixtures/route-files.ts), so
// a new page is covered the day it is added. Then the menu, and the journey owners make from a
// reminder on their phone: the link opens the task, acknowledge; My tasks, acknowledge.
import { and, eq, inArray } from "drizzle-orm";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import type { Database } from "@/db/client";
import { people, roleAssignments } from "@/db/schema";
import { rotationTasks } from "@/db/schema-rotation";
import { can } from "@/lib/auth/permissions";
import { apiAs } from "./fixtures/api";
import { PERSONAS, signInWithRequest, type PersonaRole } from "./fixtures/auth";
import { openE2eDatabase } from "./fixtures/e2e-database";
import { findMatrixIds } from "./fixtures/matrix-ids";
import { PAGE_MATRIX } from "./fixtures/page-matrix";
import { dashboardPages } from "./fixtures/route-files";
import type { MatrixIds } from "./fixtures/route-matrix";
import { screenshot } from "./fixtures/screenshot";

const DAY = 86_400_000;
// Admin first: it holds every permission, so each page is seen with all its controls.
const ROLES: PersonaRole[] = ["admin", "founder", "owner", "auditor", "sales"];
/** "/people/[id]/offboard" → "people-id-offboard" */
const nameOf = (pattern: string) => pattern.slice(1).replace(/[[\]]/g, "").replaceAll("/", "-");

test.use({ viewport: { width: 390, height: 844 } });

let ids: MatrixIds;

test.beforeAll(async ({ baseURL }) => {
  const sessions = Object.fromEntries(await Promise.all(ROLES.map(async (role) => [role, await apiAs(baseURL!, PERSONAS[role])] as const)));
  ids = await findMatrixIds(sessions as Record<PersonaRole, APIRequestContext>);
  for (const api of Object.values(sessions)) await api.dispose();
});

/**
 * What a thumb cannot reach: the page's own sideways scroll, and controls past the screen's edge
 * outside any container that scrolls. A failure names where the overflow starts (an element wider
 * than the screen inside one that is not).
 */
async function expectFits(page: Page, what: string) {
  const fit = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const inScroller = (el: Element) => {
      for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) if (/auto|scroll/.test(getComputedStyle(up).overflowX)) return true;
      return false;
    };
    const past = (el: Element | null) => el !== null && el.getBoundingClientRect().right > width + 1;
    const visible = [...document.body.querySelectorAll("*")].filter((el) => el.checkVisibility({ visibilityProperty: true }) && !inScroller(el));
    const controls = visible.filter((el) => el.matches("a[href], button, input, select, textarea, summary"));
    const label = (el: Element) => `<${el.tagName.toLowerCase()} class="${el.getAttribute("class") ?? ""}"> ${(el.getAttribute("aria-label") ?? el.textContent ?? "").trim().slice(0, 40)}`;
    return {
      width,
      scrollWidth: document.documentElement.scrollWidth,
      outside: controls.filter((el) => el.getBoundingClientRect().width > 1 && (past(el) || el.getBoundingClientRect().left < -1)).map(label),
      startsAt: visible.filter((el) => past(el) && !past(el.parentElement)).map(label),
    };
  });
  expect.soft(fit.scrollWidth, `${what} scrolls sideways; it starts at ${fit.startsAt.join("\n")}`).toBeLessThanOrEqual(fit.width);
  expect.soft(fit.outside, `${what}: controls past the edge of the screen`).toEqual([]);
}

for (const pattern of dashboardPages().filter((p) => PAGE_MATRIX[p])) {
  const { needs, path } = PAGE_MATRIX[pattern]!;
  const role = ROLES.find((r) => needs.every((p) => can(r, p)))!;
  test(`${pattern} fits a phone, as ${role}`, async ({ page }) => {
    await signInWithRequest(page.request, PERSONAS[role]);
    await page.goto(path(ids));
    await page.waitForLoadState("networkidle");
    await expect(page.getByRole("main").getByRole("heading", { level: 1 })).toBeInViewport();
    await screenshot(page, `phone-${nameOf(pattern)}`, { fullPage: true });
    await screenshot(page, `desktop-${nameOf(pattern)}`, { width: 1440 });
    await expectFits(page, pattern);
  });
}

test("on a phone the areas sit behind a menu button: it opens them, a choice goes there and closes it, Escape closes it", async ({ page }) => {
  await signInWithRequest(page.request, PERSONAS.owner);
  await page.goto("/inventory");
  const menu = page.getByRole("button", { name: "Menu" });
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(nav).toBeHidden();
  await menu.click();
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  await expect(nav.getByRole("link", { name: "Inventory" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("signed-in-as")).toHaveText("Priya Raman");
  await expectFits(page, "the open menu");
  await screenshot(page, "phone-menu");
  await nav.getByRole("link", { name: "Rotation" }).click();
  await expect(page).toHaveURL(/\/rotation$/);
  await expect(nav).toBeHidden();
  await menu.click();
  await page.keyboard.press("Escape");
  await expect(nav).toBeHidden();
  await expect(menu).toBeFocused();
  // From md up the sidebar is always there, with no menu button.
  await page.setViewportSize({ width: 1440, height: 900 });
  await expect(nav).toBeVisible();
  await expect(menu).toBeHidden();
});

test.describe("an owner on a phone", () => {
  let database: Database;
  let taskIds: string[] = [];

  test.beforeAll(async () => {
    database = openE2eDatabase();
    const db = database.db;
    const [priya] = await db.select({ id: people.id }).from(people).where(eq(people.email, PERSONAS.owner));
    const held = await db
      .select({ id: roleAssignments.secretId })
      .from(roleAssignments)
      .where(and(eq(roleAssignments.personId, priya!.id), eq(roleAssignments.role, "operator")))
      .limit(2);
    const today = Math.floor(Date.now() / DAY) * DAY;
    // Rotate-now tasks of this spec's own, not due yet: no other spec counts them, and they go afterwards.
    const task = (secretId: string, reason: string) => ({ secretId, kind: "rotate_now" as const, reason, assigneeId: priya!.id, assigneeRole: "operator", dueAt: new Date(today + 5 * DAY), graceUntil: new Date(today + 12 * DAY) });
    const rows = await db
      .insert(rotationTasks)
      .values([task(held[0]!.id, "Phone check: from the reminder"), task(held[1]!.id, "Phone check: from My tasks")])
      .returning({ id: rotationTasks.id });
    taskIds = rows.map((r) => r.id);
  });

  test.afterAll(async () => {
    if (taskIds.length) await database.db.delete(rotationTasks).where(inArray(rotationTasks.id, taskIds));
    await database?.close();
  });

  test("acknowledges a task from the reminder's link, and another from My tasks", async ({ page }) => {
    const [fromReminder, fromList] = taskIds as [string, string];
    await signInWithRequest(page.request, PERSONAS.owner);
    // The link a digest carries (lib/domain/reminders/links.ts).
    await page.goto(`/rotation?task=${fromReminder}`);
    const drawer = page.getByTestId("task-drawer");
    await expect(drawer.getByRole("heading", { level: 2 })).toBeVisible();
    await expect(drawer).toContainText("Rotate now: Phone check: from the reminder");
    expect((await drawer.boundingBox())!.width).toBeLessThanOrEqual(390);
    await expectFits(page, "the task drawer");
    await screenshot(page, "phone-task-drawer");
    const acknowledge = drawer.getByRole("button", { name: "Acknowledge" });
    await acknowledge.scrollIntoViewIfNeeded();
    await expect(acknowledge).toBeInViewport();
    await acknowledge.click();
    await expect(drawer.getByTestId("task-history")).toContainText("Acknowledged by Priya Raman");
    await page.keyboard.press("Escape");
    await expect(drawer).toBeHidden();

    // My tasks, through the menu and the rotation tabs; one tap on the row.
    await page.getByRole("button", { name: "Menu" }).click();
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Rotation" }).click();
    await page.getByRole("navigation", { name: "Rotation" }).getByRole("link", { name: /My tasks/ }).click();
    const row = page.locator(`[data-task-row="${fromList}"]`);
    await expect(row).toHaveAttribute("data-status", "open");
    await expect(page.locator(`[data-task-row="${fromReminder}"]`)).toHaveAttribute("data-status", "acknowledged");
    await expectFits(page, "My tasks");
    await row.scrollIntoViewIfNeeded();
    await screenshot(page, "phone-my-tasks-row");
    await row.getByRole("button", { name: /^Acknowledge / }).click();
    await expect(row).toHaveAttribute("data-status", "acknowledged");
    await expect.poll(async () => (await (await page.request.get(`/api/v1/rotation/tasks/${fromList}`)).json()).status).toBe("acknowledged");
  });
});
