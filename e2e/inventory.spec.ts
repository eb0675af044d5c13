import { expect, test, type Page } from "@playwright/test";
import { readFile } from "node:fs/promises";
import { PERSONAS, signInAs } from "./fixtures/auth";
import { screenshot } from "./fixtures/screenshot";

const total = async (page: Page) => Number(await page.getByTestId("total-count").textContent());
const rows = (page: Page) => page.getByTestId("inventory-table").locator("tbody tr");

test.beforeEach(async ({ page }) => {
  await signInAs(page, PERSONAS.founder);
  await page.goto("/inventory");
  await expect(rows(page).first()).toBeVisible();
});

test("the founder sees every secret, with unknowns shown and counted", async ({ page }) => {
  expect(await total(page)).toBeGreaterThanOrEqual(150);
  await expect(page.getByTestId("shown-count")).toContainText(/Showing 50 of \d+ secrets/);
  await expect(page.locator("[data-unknown]").first()).toBeVisible();
  await expect(page.locator("[data-unknown-count]").filter({ hasText: /\d+ unknown/ }).first()).toBeVisible();
  await expect(page.getByTestId("summary-line")).toContainText("without incident commander");
  await screenshot(page, "inventory");
  await screenshot(page, "inventory-390", { width: 390 });
});

test("search narrows the list and lives in the URL", async ({ page }) => {
  const all = await total(page);
  await page.getByRole("searchbox", { name: "Search" }).fill("stripe");
  await expect(page).toHaveURL(/q=stripe/);
  await expect.poll(() => total(page)).toBeLessThan(all);
  await expect(page.locator('[data-secret="prod/payments/stripe-secret-key"]')).toBeVisible();
  await page.reload();
  await expect(page.getByRole("searchbox", { name: "Search" })).toHaveValue("stripe");
  await expect(page.locator('[data-secret="prod/payments/stripe-secret-key"]')).toBeVisible();
});

test("filters by tier, environment, role gap and unknowns", async ({ page }) => {
  await page.getByLabel("Tier").selectOption("1");
  await expect(page).toHaveURL(/tier=1/);
  await expect(rows(page).first()).toBeVisible();
  await expect(rows(page).locator("td:nth-child(3)")).toHaveText(Array(await rows(page).count()).fill("Tier 1"));

  await page.getByLabel("Tier").selectOption("");
  await page.getByLabel("Environment").selectOption("unknown");
  await expect(page).toHaveURL(/environment=unknown/);
  await expect.poll(async () => (await rows(page).locator("td:nth-child(2) [data-unknown]").count()) === (await rows(page).count())).toBe(true);

  await page.getByLabel("Environment").selectOption("");
  await page.getByLabel("Role gaps").selectOption("incident_commander");
  await expect(page).toHaveURL(/gaps=incident_commander/);
  await expect(rows(page).first()).toBeVisible();
  const icTitles = await rows(page).locator("td:nth-child(5) [title^='Incident commander']").evaluateAll((els) => els.map((e) => e.getAttribute("title")));
  expect(icTitles.length).toBeGreaterThan(0);
  expect(icTitles.every((t) => t?.includes("nobody"))).toBe(true);

  await page.getByLabel("Role gaps").selectOption("");
  await page.getByLabel("Unknown fields").selectOption("false");
  await expect(rows(page).first()).toBeVisible();
  await expect(page.locator("tbody [data-unknown]")).toHaveCount(0);
});

test("sorts by tier and pages with keyset cursors", async ({ page }) => {
  await page.getByRole("button", { name: "Tier" }).click();
  await expect(page).toHaveURL(/sort=tier&dir=asc/);
  await expect(rows(page).first().locator("td:nth-child(3)")).toHaveText("Tier 1");
  await page.getByRole("button", { name: "Tier" }).click();
  await expect(page).toHaveURL(/dir=desc/);
  await expect(rows(page).first().locator("td:nth-child(3)")).toHaveText("unknown");

  // Enter on Load more: the focus lands on the first new row, not on the top of the page.
  await page.getByRole("button", { name: "Load more" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("shown-count")).toContainText("Showing 100 of");
  await expect(rows(page).nth(50)).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(rows(page).nth(50).getByRole("link").first()).toBeFocused();
  const names = await rows(page).evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-secret")));
  expect(new Set(names).size).toBe(names.length);
});

test("exports the current view as CSV", async ({ page }) => {
  await page.getByLabel("Tier").selectOption("1");
  await expect(page).toHaveURL(/tier=1/);
  const expected = await total(page);
  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^keyledger-inventory-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile(await download.path(), "utf8");
  const lines = csv.trimEnd().split("\r\n");
  expect(lines[0]).toBe("name,source,environment,tier,kind,provider,privilege,lifetime,ttl_seconds,last_rotated,last_accessed,creator,operator,approver,incident_commander,consumers,unsanctioned_locations,unknown_fields,missing_since");
  expect(lines).toHaveLength(expected + 1);
  expect(lines.slice(1).every((l) => l.split(",")[3] === "1")).toBe(true);
});

test("the secret detail shows metadata, owners, consumers, locations and access", async ({ page }) => {
  await page.getByRole("searchbox", { name: "Search" }).fill("prod/payments/stripe-secret-key");
  await page.getByRole("link", { name: "prod/payments/stripe-secret-key" }).click();
  await expect(page.getByRole("heading", { name: "prod/payments/stripe-secret-key" })).toBeVisible();
  for (const section of ["Metadata", "Owners", "Recent access"]) await expect(page.getByRole("region", { name: section })).toBeVisible();
  await expect(page.getByRole("region", { name: /Locations/ })).toContainText("#eng-payments");
  await expect(page.getByRole("region", { name: /Locations/ }).getByText("unsanctioned")).toHaveCount(3);
  await expect(page.getByRole("region", { name: "Recent access" }).locator("tbody tr").first()).toBeVisible();
  await screenshot(page, "secret-detail");
});
