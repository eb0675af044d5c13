import { expect, test, type Page } from "@playwright/test";
import { readFile } from "node:fs/promises";
import { apiAs } from "./fixtures/api";
import { PERSONAS, signInAs } from "./fixtures/auth";
import { screenshot } from "./fixtures/screenshot";

const rows = (page: Page) => page.getByTestId("access-log").locator("tbody tr");

const total = async (page: Page) => Number((await page.getByTestId("access-total").textContent())?.replace(/[^\d]/g, ""));

test("the demo company's access log is searchable, pages, filters and exports", async ({ page }) => {
  await signInAs(page, PERSONAS.auditor);
  await page.goto("/access-log");
  await expect(rows(page)).toHaveCount(100);
  await expect(page.getByTestId("daily-totals")).toContainText(/[1-9][\d,]* failures of [\d,]+ events in the last 90 days/);
  await expect(page.getByRole("region", { name: "Daily failures" }).locator(".recharts-bar-rectangle").first()).toBeVisible();
  // The exact count and what it counts, never "100+".
  await expect(page.getByTestId("access-count")).toContainText(/^[\d,]+ events · all time · company-wide$/);
  await expect(page.getByText(/\d\+ events/)).toHaveCount(0);
  const all = await total(page);
  expect(all).toBeGreaterThan(100);
  await expect(page.getByTestId("shown-count")).toHaveText(`Showing 100 of ${all.toLocaleString("en-US")} events`);
  await screenshot(page, "access-log");
  await screenshot(page, "access-log-390", { width: 390 });

  // Load more keeps keyboard focus: it lands on the first new row, not the top of the page.
  await page.getByRole("button", { name: "Load more" }).focus();
  await page.keyboard.press("Enter");
  await expect(rows(page)).toHaveCount(200);
  await expect(rows(page).nth(100)).toBeFocused();

  await page.getByLabel("Result").selectOption("failure");
  await expect(page).toHaveURL(/result=failure/);
  await expect(rows(page).first()).toHaveAttribute("data-result", "failure");
  expect(await rows(page).evaluateAll((trs) => trs.every((tr) => tr.getAttribute("data-result") === "failure"))).toBe(true);

  await page.getByLabel("Search actor or secret").fill("stripe-secret-key");
  await expect(page).toHaveURL(/q=stripe-secret-key/);
  await expect(rows(page).first()).toContainText("stripe-secret-key");

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const csv = await readFile(await (await download).path(), "utf8");
  const lines = csv.trimEnd().split("\r\n");
  expect(lines[0]).toBe("occurred_at,source,secret,secret_ref,actor,actor_type,auth_source,action,raw_action,result,error_code,source_ip,user_agent");
  expect(lines.length).toBeGreaterThan(1);
  expect(lines.slice(1).every((l) => l.includes(",failure,"))).toBe(true);
});

test("clicking an actor filters by it, and the filter stays", async ({ page }) => {
  await signInAs(page, PERSONAS.auditor);
  await page.goto("/access-log?origin=stores");
  const actor = await rows(page).first().getByTestId("actor").locator("[data-actor]").getAttribute("data-actor");
  await rows(page).first().getByTestId("actor").click();
  await expect.poll(() => new URL(page.url()).searchParams.get("actor")).toBe(actor);
  await expect(page.getByLabel("Exact actor")).toHaveValue(actor!);
  // The field's debounce once wrote its old empty text back and reset the filter.
  await page.waitForTimeout(800);
  expect(new URL(page.url()).searchParams.get("actor")).toBe(actor);
  await expect(page.getByLabel("Exact actor")).toHaveValue(actor!);
  await expect(rows(page).first()).toBeVisible();
  expect(new Set(await rows(page).locator("[data-actor]").evaluateAll((els) => els.map((e) => e.getAttribute("data-actor"))))).toEqual(new Set([actor]));
  await expect(page.getByTestId("access-count")).toContainText("matching the filters above");
});

test("a long ARN is cut in the middle, keeping its end, with the whole value on hover and in a copy", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signInAs(page, PERSONAS.auditor);
  await page.goto("/access-log?source=cloudtrail&q=assumed-role");
  const name = rows(page).first().locator("[data-actor]");
  await expect(name).toBeVisible();
  const full = (await name.getAttribute("data-actor"))!;
  expect(full).toMatch(/^arn:aws:sts::\d+:assumed-role\/.+\/.+/);
  await expect(name).toHaveAttribute("title", full);
  // The start overflows (hidden behind "…"); the role and session at the end are whole.
  const cut = await name.evaluate((el) => {
    const head = el.querySelector("[data-actor-head]") as HTMLElement;
    const tail = el.lastElementChild as HTMLElement;
    return { headCut: head.scrollWidth > head.clientWidth, tailWhole: tail.scrollWidth <= tail.clientWidth, tail: tail.textContent };
  });
  expect(cut).toEqual({ headCut: true, tailWhole: true, tail: full.replace(/^.*?assumed-role\//, "") });
  await name.evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
  });
  await page.keyboard.press("Control+C");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(full);
  await screenshot(page, "access-log-actors", { width: 390 });
});

test("Stores only / Keyledger only keeps Keyledger's own actions apart, in the URL and the export", async ({ page }) => {
  await signInAs(page, PERSONAS.auditor);
  await page.goto("/access-log");
  await expect(page.getByRole("radio", { name: "All" })).toBeChecked();
  const all = await total(page);
  await page.getByText("Keyledger only", { exact: true }).click();
  await expect(page).toHaveURL(/[?&]origin=keyledger/);
  await expect(page.getByRole("radio", { name: "Keyledger only" })).toBeChecked();
  await expect(rows(page).first()).toBeVisible();
  await expect.poll(() => rows(page).locator("td:nth-child(6)").allTextContents()).toEqual(expect.arrayContaining(["keyledger"]));
  expect(new Set(await rows(page).locator("td:nth-child(6)").allTextContents())).toEqual(new Set(["keyledger"]));
  await expect.poll(() => total(page)).toBeLessThan(all);
  const keyledger = await total(page);

  await page.getByText("Stores only", { exact: true }).click();
  await expect(page).toHaveURL(/[?&]origin=stores/);
  await expect.poll(async () => (await rows(page).locator("td:nth-child(6)").allTextContents()).includes("keyledger")).toBe(false);
  await expect.poll(() => total(page)).toBeGreaterThanOrEqual(all - keyledger);
  await page.reload();
  await expect(page.getByRole("radio", { name: "Stores only" })).toBeChecked();

  await page.getByText("Keyledger only", { exact: true }).click();
  await page.getByLabel("From").fill(new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10));
  await expect(page.getByRole("link", { name: "Export CSV" })).toHaveAttribute("href", /origin=keyledger/);
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const lines = (await readFile(await (await download).path(), "utf8")).trimEnd().split("\r\n").slice(1);
  expect(lines.length).toBeGreaterThan(0);
  expect(lines.every((l) => l.split(",")[1] === "keyledger")).toBe(true);
});

test("a secret's access opens in the access log, filtered to that secret", async ({ page }) => {
  await signInAs(page, PERSONAS.founder);
  await page.goto("/inventory?q=prod/payments/stripe-secret-key");
  await page.getByRole("link", { name: "prod/payments/stripe-secret-key" }).click();
  await page.getByRole("link", { name: "open in the access log" }).click();
  await expect(page).toHaveURL(/\/access-log\?secret=/);
  await expect(rows(page).first()).toBeVisible();
  const secrets = await page.getByTestId("access-log").locator("tbody tr td:nth-child(2)").allTextContents();
  expect(secrets.every((s) => s.includes("prod/payments/stripe-secret-key"))).toBe(true);
});

test("an export that cannot run is a problem before the first byte; one that runs is audited when it ends", async ({ baseURL }) => {
  const auditor = await apiAs(baseURL!, PERSONAS.auditor);
  const refused = await auditor.get("/api/v1/access-events/export", { params: { from: "0000-01-01" } });
  expect(refused.status()).toBe(422);
  expect(refused.headers()["content-type"]).toContain("application/problem+json");
  expect(await refused.json()).toMatchObject({ errors: [{ field: "query.from" }] });

  const since = new Date().toISOString();
  const exported = await auditor.get("/api/v1/access-events/export", { params: { result: "failure", from: new Date(Date.now() - 86_400_000).toISOString() } });
  expect(exported.status()).toBe(200);
  expect((await exported.text()).startsWith("occurred_at,source,")).toBe(true);
  await expect
    .poll(async () => {
      const { items } = (await (await auditor.get("/api/v1/access-events", { params: { actor: PERSONAS.auditor, from: since } })).json()) as { items: { rawAction: string; result: string }[] };
      return items.filter((e) => e.rawAction === "access_log.export_csv").map((e) => e.result);
    })
    .toContain("success");
  await auditor.dispose();
});
