// Every number drills down to its rows (issue 10, point 8): each count on the overview, the
// inventory and a secret's page opens a page whose own total equals it, with the filter visibly set.
// Other specs change owners and tasks at the same time, so each comparison retries as a whole.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { PERSONAS, signInAs } from "./fixtures/auth";
import { screenshot } from "./fixtures/screenshot";

const number = (text: string | null) => Number((text ?? "").replace(/[^\d]/g, ""));
const inventoryTotal = async (page: Page) => number(await page.getByTestId("total-count").textContent());
/** "Showing 50 of 172 secrets" → 172: the matrix's total. */
const pagerTotal = async (page: Page) => number((await page.getByTestId("shown-count").textContent())?.split(" of ")[1] ?? "");
const accessTotal = async (page: Page) => number(await page.getByTestId("access-total").textContent());
const card = (page: Page, label: string) => page.getByRole("link").filter({ has: page.getByText(label, { exact: true }) });
/** A filter's control by its parameter: `select[name=gaps]`, `input[name=from]`. */
const control = (page: Page, name: string) => page.locator(`select[name="${name}"], input[name="${name}"]`);
const cardValue = async (link: Locator) => number(await link.locator("div").nth(1).textContent());

/** Opens `from`, reads the count `read` gives, clicks it, and checks the page's total and filter. */
async function drill<T = number>(page: Page, from: string, link: (page: Page) => Locator, read: (link: Locator) => Promise<T>, check: (page: Page, count: T) => Promise<void>) {
  await expect(async () => {
    await page.goto(from);
    const target = link(page);
    const count = await read(target);
    await target.click();
    await check(page, count);
  }).toPass({ timeout: 45_000 });
}

test.beforeEach(async ({ page }) => {
  await signInAs(page, PERSONAS.founder);
});

test("each secret card on the overview opens exactly the secrets it counts, its filter set", async ({ page }) => {
  const cases: { label: string; path: string; filter?: [param: string, value: string]; total: (page: Page) => Promise<number> }[] = [
    { label: "Secrets", path: "/inventory", total: inventoryTotal },
    { label: "Missing an owner role", path: "/ownership?gaps=any", filter: ["gaps", "any"], total: pagerTotal },
    { label: "No incident commander", path: "/ownership?gaps=incident_commander", filter: ["gaps", "incident_commander"], total: pagerTotal },
    { label: "Approver = operator", path: "/ownership?gaps=conflict", filter: ["gaps", "conflict"], total: pagerTotal },
    { label: "Offboarded holders", path: "/ownership?gaps=offboarded", filter: ["gaps", "offboarded"], total: pagerTotal },
    { label: "With unsanctioned copies", path: "/inventory?copies=unsanctioned", filter: ["copies", "unsanctioned"], total: inventoryTotal },
    { label: "Not rotated in a year", path: "/inventory?rotated=over_a_year", filter: ["rotated", "over_a_year"], total: inventoryTotal },
  ];
  for (const c of cases) {
    await drill(page, "/overview", (p) => card(p, c.label), cardValue, async (p, count) => {
      await expect(p).toHaveURL((url) => `${url.pathname}${url.search}` === c.path);
      if (c.filter) await expect(control(p, c.filter[0])).toHaveValue(c.filter[1]);
      await expect.poll(() => c.total(p), c.label).toBe(count);
    });
  }
  // Unknown fields: the card counts fields on "N secrets", and the inventory says both.
  const fieldsAndSecrets = async (link: Locator) => ({ fields: await cardValue(link), secrets: number(await link.locator("div").nth(2).textContent()) });
  await drill(page, "/overview", (p) => card(p, "Unknown fields"), fieldsAndSecrets, async (p, { fields, secrets }) => {
    await expect(p).toHaveURL(/\/inventory\?unknowns=true$/);
    await expect(control(p, "unknowns")).toHaveValue("true");
    await expect.poll(() => inventoryTotal(p)).toBe(secrets);
    expect(number(await p.getByTestId("unknown-fields").textContent())).toBe(fields);
  });
  await page.goto("/overview");
  await screenshot(page, "overview", { fullPage: true });
  await screenshot(page, "overview-390", { width: 390, fullPage: true });
});

test("each tier and environment bar on the overview opens its secrets", async ({ page }) => {
  for (const [region, param] of [["Secrets by tier", "tier"], ["Secrets by environment", "environment"]] as const) {
    await page.goto("/overview");
    await expect(page.getByRole("region", { name: region }).getByRole("link").first()).toBeVisible();
    const bars = await page.getByRole("region", { name: region }).getByRole("link").count();
    expect(bars).toBeGreaterThanOrEqual(3);
    for (let i = 0; i < bars; i++) {
      await drill(page, "/overview", (p) => p.getByRole("region", { name: region }).getByRole("link").nth(i), async (l) => Number(await l.getAttribute("data-count")), async (p, count) => {
        await expect(p).toHaveURL(new RegExp(`/inventory\\?${param}=\\w+$`));
        await expect(control(p, param)).toHaveValue(new URL(p.url()).searchParams.get(param)!);
        await expect.poll(() => inventoryTotal(p)).toBe(count);
      });
    }
  }
});

test("the overview's access numbers open the access log for the same 30 days", async ({ page }) => {
  for (const [i, result] of [[0, null], [1, "failure"]] as const) {
    await drill(page, "/overview", (p) => p.getByRole("region", { name: "Access in the last 30 days" }).getByRole("link").nth(i), async (l) => Number(await l.getAttribute("data-count")), async (p, count) => {
      await expect(p).toHaveURL(/\/access-log\?from=\d{4}-\d{2}-\d{2}/);
      await expect(control(p, "from")).toHaveValue(new URL(p.url()).searchParams.get("from")!);
      await expect(control(p, "result")).toHaveValue(result ?? "");
      await expect.poll(() => accessTotal(p)).toBe(count);
      await expect(p.getByTestId("shown-count")).toContainText(` of ${count.toLocaleString("en-US")} events`);
    });
  }
});

test("the rotation cards open the open tasks they count", async ({ page }) => {
  for (const [label, param] of [["Rotations overdue", /[?&]overdue=1/], ["Rotations due in 14 days", /[?&]due=14/]] as const) {
    await drill(page, "/overview", (p) => card(p, label), cardValue, async (p, count) => {
      await expect(p).toHaveURL(param);
      const groups = p.getByTestId("task-list").locator('[data-testid="group-count"]');
      await expect(groups.first()).toBeVisible();
      await expect(groups.filter({ hasText: "…" })).toHaveCount(0);
      expect((await groups.allTextContents()).reduce((sum, t) => sum + number(t), 0), label).toBe(count);
    });
  }
});

test("each count on the inventory sets the filter it counts", async ({ page }) => {
  await page.goto("/inventory");
  await expect(page.getByTestId("total-count")).toBeVisible();
  const filters = await page.locator("[data-filter]").evaluateAll((els) => els.map((e) => e.getAttribute("data-filter")!));
  expect(filters).toEqual(expect.arrayContaining(["gaps=incident_commander", "gaps=conflict", "unknowns=true", "tier=unknown", "environment=unknown", "rotated=unknown"]));
  for (const filter of filters) {
    const [key, value] = filter.split("=") as [string, string];
    await drill(page, "/inventory", (p) => p.locator(`[data-filter="${filter}"]`), async (l) => Number(await l.getAttribute("data-count")), async (p, count) => {
      await expect(p).toHaveURL(new RegExp(`[?&]${key}=${value}`));
      await expect(control(p, key)).toHaveValue(value);
      const shown = key === "unknowns" ? async () => number(await p.getByTestId("unknown-fields").textContent()) : () => inventoryTotal(p);
      await expect.poll(shown, filter).toBe(count);
    });
  }
});

test("a secret's access count opens the access log for the same secret and days", async ({ page }) => {
  await drill(
    page,
    "/inventory?q=prod/payments/stripe-secret-key",
    (p) => p.getByRole("link", { name: "prod/payments/stripe-secret-key" }),
    async () => 0,
    async (p) => {
      const link = p.getByRole("region", { name: "Recent access" }).getByRole("link", { name: /events since/ });
      const count = Number(await link.getAttribute("data-count"));
      expect(count).toBeGreaterThan(0);
      await screenshot(p, "secret-detail", { fullPage: true });
      await screenshot(p, "secret-detail-390", { width: 390, fullPage: true });
      await link.click();
      await expect(p).toHaveURL(/\/access-log\?secret=[\w-]+&from=\d{4}-\d{2}-\d{2}/);
      await expect(control(p, "from")).toHaveValue(new URL(p.url()).searchParams.get("from")!);
      await expect(p.getByTestId("access-count")).toContainText("of one secret");
      await expect.poll(() => accessTotal(p)).toBe(count);
    },
  );
});
