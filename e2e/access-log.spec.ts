import { expect, test } from "@playwright/test";
import { readFile } from "node:fs/promises";
import { apiAs } from "./fixtures/api";
import { PERSONAS, signInAs } from "./fixtures/auth";
import { screenshot } from "./fixtures/screenshot";

const rows = (page: import("@playwright/test").Page) => page.getByTestId("access-log").locator("tbody tr");

test("the demo company's access log is searchable, scrolls, filters and exports", async ({ page }) => {
  await signInAs(page, PERSONAS.auditor);
  await page.goto("/access-log");
  await expect(rows(page)).toHaveCount(100);
  await expect(page.getByTestId("daily-totals")).toContainText(/[1-9][\d,]* failures of [\d,]+ events in the last 90 days/);
  await expect(page.getByRole("region", { name: "Daily failures" }).locator(".recharts-bar-rectangle").first()).toBeVisible();
  await screenshot(page, "access-log");

  await page.getByTestId("access-log").locator("tbody tr").last().scrollIntoViewIfNeeded();
  await expect.poll(() => rows(page).count()).toBeGreaterThan(100);

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
