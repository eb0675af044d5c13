import { expect, test } from "@playwright/test";
import { apiAs, findPerson, findSecret } from "./fixtures/api";
import { PERSONAS, signInAs } from "./fixtures/auth";
import { screenshot } from "./fixtures/screenshot";

test("the matrix highlights gaps, conflicts and offboarded holders", async ({ page }) => {
  await signInAs(page, PERSONAS.founder);
  await page.goto("/ownership");
  const matrix = page.getByTestId("ownership-matrix");
  await expect(matrix.locator("tbody tr").first()).toBeVisible();
  // A click that lands before the island has hydrated is lost (React resets the box): try again until it takes.
  await expect(async () => {
    await page.getByLabel("Only gaps and conflicts").check({ timeout: 2_000 });
    await expect(page).toHaveURL(/gaps=problems/, { timeout: 2_000 });
  }).toPass({ timeout: 15_000 });
  await expect(matrix.locator('[data-state="gap"]').first()).toBeVisible();
  await page.getByLabel("Role gaps").selectOption("conflict");
  await expect(matrix.locator('[data-state="conflict"]').first()).toBeVisible();
  await page.getByLabel("Role gaps").selectOption("offboarded");
  await expect(matrix.locator('[data-state="offboarded"]').first()).toContainText("Jonas Becker");
  const offboardedRows = await matrix.locator("tbody tr").count();
  expect(offboardedRows).toBeGreaterThanOrEqual(3);
  await expect(matrix.locator("tbody tr").filter({ has: page.locator('[data-state="offboarded"]') })).toHaveCount(offboardedRows);
  await page.getByLabel("Role gaps").selectOption("");
  await page.getByLabel("Only gaps and conflicts").uncheck();
  await expect(page.locator('select[aria-label^="Creator of"]')).toHaveCount(0); // founders change only what they approve
  await page.goto("/ownership?q=payments&sort=tier");
  await expect(matrix.locator('[data-state="offboarded"]').first()).toBeVisible();
  await screenshot(page, "ownership-matrix");
});

test("an admin reassigns a role inline; it persists after reload and is audited", async ({ page, baseURL }) => {
  const admin = await apiAs(baseURL!, PERSONAS.admin);
  const target = await findSecret(admin, { q: "prod/payments/stripe-secret-key" });
  const original = target.holders.creator;
  const newCreator = await findPerson(admin, "priya@lumenpay.example");
  const choice = original?.id === newCreator.id ? await findPerson(admin, "maya@lumenpay.example") : newCreator;

  await signInAs(page, PERSONAS.admin);
  await page.goto(`/ownership?q=${encodeURIComponent(target.name)}`);
  const select = page.getByLabel(`Creator of ${target.name}`);
  await expect(select).toBeVisible();
  const saved = page.waitForResponse((r) => r.url().includes(`/api/v1/secrets/${target.id}/roles/creator`) && r.request().method() === "PUT");
  await select.selectOption(choice.id);
  expect((await saved).status()).toBe(200);
  await page.reload();
  await expect(page.getByLabel(`Creator of ${target.name}`)).toHaveValue(choice.id);

  await page.goto(`/secrets/${target.id}`);
  await expect(page.getByRole("region", { name: "Owners" }).locator('[data-role="creator"]')).toContainText(choice.name);
  await expect(page.getByRole("region", { name: "Recent access" })).toContainText("ownership.assign");

  // Put it back so other specs see the demo company as seeded.
  if (original) expect((await admin.put(`/api/v1/secrets/${target.id}/roles/creator`, { data: { personId: original.id } })).status()).toBe(200);
  await admin.dispose();
});

test("an owner sees only their secrets and may change only those they approve", async ({ page, baseURL }) => {
  await signInAs(page, PERSONAS.owner);
  await page.goto("/ownership");
  const matrix = page.getByTestId("ownership-matrix");
  await expect(matrix.locator("tbody tr").first()).toBeVisible();
  const owner = await apiAs(baseURL!, PERSONAS.owner);
  const mine = (await (await owner.get("/api/v1/secrets/summary")).json()) as { total: number };
  const admin = await apiAs(baseURL!, PERSONAS.admin);
  const all = (await (await admin.get("/api/v1/secrets/summary")).json()) as { total: number };
  expect(mine.total).toBeGreaterThan(0);
  expect(mine.total).toBeLessThan(all.total);
  const editableRows = await matrix.locator("tbody tr").filter({ has: page.locator("select") }).count();
  expect(editableRows).toBeGreaterThan(0);
  expect(editableRows).toBeLessThan(await matrix.locator("tbody tr").count());
  await owner.dispose();
  await admin.dispose();
});

test("the person view lists holdings and an offboarding preview", async ({ page, baseURL }) => {
  const admin = await apiAs(baseURL!, PERSONAS.admin);
  const jonas = await findPerson(admin, "jonas@lumenpay.example");
  await admin.dispose();
  await signInAs(page, PERSONAS.admin);
  await page.goto("/people");
  await expect(page.getByTestId("people-table").locator('[data-person="jonas@lumenpay.example"]')).toContainText("offboarded");
  await screenshot(page, "people");
  await page.getByRole("link", { name: "Jonas Becker" }).click();
  await expect(page).toHaveURL(`/people/${jonas.id}`);
  await expect(page.getByRole("heading", { name: "Jonas Becker" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Offboarding preview" })).toContainText("Offboarding left undone");
  // The offboarded contractor is still the operator of exactly three secrets.
  await expect(page.getByTestId("holdings-table").locator("tbody tr").filter({ hasText: "Operator" })).toHaveCount(3);
  await screenshot(page, "person-offboarded");

  await page.goto("/people");
  await page.getByRole("link", { name: "Priya Raman" }).click();
  await expect(page.getByRole("region", { name: "Offboarding preview" })).toContainText("If Priya left today");
  await screenshot(page, "person-view");
});
