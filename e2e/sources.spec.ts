// An admin connects stores in the UI, syncs, and finds their secrets in the inventory with owners
// taken from tags. The stores are local servers speaking each store's wire format.
import { expect, test, type Page } from "@playwright/test";
import { sampleAwsSecrets, startAwsWireServer } from "@/test/wire/aws-secrets-manager";
import { sampleGitHubData, startGitHubWireServer } from "@/test/wire/github";
import { sampleVaultSecrets, startVaultWireServer } from "@/test/wire/vault";
import type { WireServer } from "@/test/wire/wire-server";
import { PERSONAS, signInAs } from "./fixtures/auth";
import { screenshot } from "./fixtures/screenshot";

let vault: WireServer;
let github: WireServer;
let aws: Awaited<ReturnType<typeof startAwsWireServer>>;

test.beforeAll(async () => {
  vault = await startVaultWireServer({ secrets: sampleVaultSecrets(30) });
  github = await startGitHubWireServer({ ...sampleGitHubData() });
  aws = await startAwsWireServer({ secrets: sampleAwsSecrets(25) });
});
test.afterAll(async () => {
  await vault?.close();
  await github?.close();
  await aws?.close();
});

async function addSource(page: Page, store: string, name: string, config: Record<string, unknown>) {
  await page.goto("/sources/new");
  await page.getByLabel("Store").selectOption({ label: store });
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Configuration (JSON)").fill(JSON.stringify(config, null, 2));
  await page.getByRole("button", { name: "Add source" }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
}

async function syncAndWait(page: Page) {
  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByRole("status")).toContainText("Connected");
  await page.getByRole("button", { name: "Sync now" }).click();
  await expect(page.getByTestId("sync-runs").locator("tbody tr").first()).toHaveAttribute("data-status", "succeeded", { timeout: 30_000 });
  await expect(page.getByTestId("source-health")).toContainText("in sync");
}

test("an admin adds AWS, Vault and GitHub sources, syncs them and sees their secrets with owners from tags", async ({ page }) => {
  test.setTimeout(120_000);
  await signInAs(page, PERSONAS.admin);

  await addSource(page, "Vault KV", "Vault · platform", { address: vault.url, mount: "kv", auth: "token", tokenEnv: "E2E_VAULT_TOKEN" });
  await expect(page.getByTestId("policy")).toContainText('path "kv/metadata/*"');
  await syncAndWait(page);
  await expect(page.getByTestId("sync-runs").locator("tbody tr").first()).toContainText("30");
  await screenshot(page, "source-detail");
  expect(vault.operations()).not.toContain("read-data");

  await page.goto("/inventory");
  await page.getByLabel("Source").selectOption({ label: "Vault · platform (30)" });
  await expect(page.getByTestId("total-count")).toHaveText("30");
  const operatorTitles = await page.getByTestId("inventory-table").locator("td:nth-child(5) [title^='Operator']").evaluateAll((els) => els.map((e) => e.getAttribute("title")));
  expect(operatorTitles.some((t) => t?.includes("Priya Raman"))).toBe(true);

  await addSource(page, "AWS Secrets Manager", "AWS · sandbox account", { regions: ["us-east-1"], endpoint: aws.url, accountLabel: "sandbox" });
  await expect(page.getByTestId("policy")).toContainText("secretsmanager:ListSecrets");
  await expect(page.getByTestId("policy")).not.toContainText("GetSecretValue\"");
  await syncAndWait(page);
  expect(aws.operations()).not.toContain("GetSecretValue");
  expect(aws.operations()).not.toContain("BatchGetSecretValue");

  await addSource(page, "GitHub Actions", "GitHub · lumenpay", { org: sampleGitHubData().org.login, apiUrl: github.url, tokenEnv: "E2E_GITHUB_TOKEN" });
  await syncAndWait(page);
  await page.goto("/sources");
  await expect(page.getByTestId("sources-table").locator('[data-source="GitHub · lumenpay"]')).toContainText("in sync");
  await expect(page.getByTestId("sources-table").locator('[data-source="Vault · platform"]')).toContainText("30");
  await expect(page.getByTestId("sources-table").locator('[data-source="AWS · sandbox account"]')).toContainText("25");
  await screenshot(page, "sources");
});

test("a bad configuration is refused with the field named, and a credential is never accepted", async ({ page }) => {
  await signInAs(page, PERSONAS.admin);
  await page.goto("/sources/new");
  await page.getByLabel("Store").selectOption({ label: "Vault KV" });
  await page.getByLabel("Name", { exact: true }).fill("Broken vault");
  await page.getByLabel("Configuration (JSON)").fill(JSON.stringify({ address: "not a url", token: "hvs.pasted-by-mistake" }));
  await page.getByRole("button", { name: "Add source" }).click();
  const alert = page.getByRole("alert").filter({ hasText: "config" });
  await expect(alert).toContainText("config.token: credentials are never stored");
  await expect(page).toHaveURL(/\/sources\/new$/);
});

test("a failing store marks the source stale, keeps its data and says what to grant", async ({ page }) => {
  await signInAs(page, PERSONAS.admin);
  const denied = await startVaultWireServer({ secrets: sampleVaultSecrets(5), faults: [{ operation: "list-metadata", status: 403, body: { errors: ["permission denied"] } }] });
  await addSource(page, "Vault KV", "Vault · locked", { address: denied.url, mount: "kv", auth: "token", tokenEnv: "E2E_VAULT_TOKEN" });
  await page.getByRole("button", { name: "Sync now" }).click();
  await expect(page.getByTestId("sync-runs").locator("tbody tr").first()).toHaveAttribute("data-status", "failed", { timeout: 30_000 });
  await expect(page.getByTestId("sync-runs").locator("tbody tr").first()).toContainText("list,read on kv/metadata");
  await expect(page.getByTestId("source-health")).toContainText("stale");
  await expect(page.getByTestId("source-health")).toContainText("Grant");
  await page.goto("/sources");
  await expect(page.getByTestId("sources-table").locator('[data-source="Vault · locked"]')).toContainText("stale");
  await denied.close();
});
