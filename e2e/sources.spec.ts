// An admin connects stores in the UI, syncs, and finds their secrets in the inventory with owners
// taken from tags. The stores are local servers speaking each store's wire format.
import { expect, test, type Page } from "@playwright/test";
import { sampleAwsSecrets, startAwsWireServer } from "@/test/wire/aws-secrets-manager";
import { sampleGitHubData, startGitHubWireServer } from "@/test/wire/github";
import { sampleVaultSecrets, startVaultWireServer } from "@/test/wire/vault";
import type { WireServer } from "@/test/wire/wire-server";
import { apiAs } from "./fixtures/api";
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
  // The run it announced has ended: "Sync queued" does not stay beside the failure.
  await expect(page.getByText("Sync queued")).toHaveCount(0);
  // What the page says about retries is what the scheduler does (lib/domain/sync-schedule.ts).
  await expect(page.getByTestId("source-health")).toContainText("hourly");
  await expect(page.getByTestId("next-sync")).toContainText("a retry after 1 failed sync in a row. A failed sync is retried 5 minutes later, then the wait doubles after each failure, up to an hour (the schedule).");
  await expect(page.locator("main")).not.toContainText("every 60 minutes");
  await screenshot(page, "source-failing");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByTestId("source-health").scrollIntoViewIfNeeded();
  await screenshot(page, "source-failing-390");
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto("/sources");
  await expect(page.getByTestId("sources-table").locator('[data-source="Vault · locked"]')).toContainText("stale");
  await denied.close();
});

test("the form refuses a credential the operator has not allowed and a metadata address, naming each field", async ({ page }) => {
  await signInAs(page, PERSONAS.admin);
  await page.goto("/sources/new");
  await page.getByLabel("Store").selectOption({ label: "Vault KV" });
  await page.getByLabel("Name", { exact: true }).fill("Vault · refused");
  const config = page.getByLabel("Configuration (JSON)");
  await config.fill(JSON.stringify({ address: "http://169.254.169.254:8200", mount: "kv", auth: "token", tokenEnv: "AWS_SECRET_ACCESS_KEY" }, null, 2));
  await page.getByRole("button", { name: "Add source" }).click();
  const alert = page.getByRole("alert").filter({ hasText: "config" });
  await expect(alert).toContainText("config.address: 169.254.169.254 is a link-local or cloud-metadata address, which sources never reach: set KEYLEDGER_ALLOW_LINK_LOCAL=on");
  await expect(alert).toContainText("config.tokenEnv: AWS_SECRET_ACCESS_KEY is not in KEYLEDGER_CREDENTIAL_ENV, the variables the worker may read store credentials from (it allows E2E_VAULT_TOKEN, E2E_GITHUB_TOKEN): add AWS_SECRET_ACCESS_KEY there");
  await alert.scrollIntoViewIfNeeded();
  await screenshot(page, "source-form-refused");

  await config.fill(JSON.stringify({ address: "http://admin:vault-password@127.0.0.1:8200", mount: "kv", auth: "token", tokenFile: "/srv/keyledger/.data/auth-secret" }, null, 2));
  await page.getByRole("button", { name: "Add source" }).click();
  await expect(alert).toContainText("config.address: must not carry a user name or password (user:password@…)");
  await expect(alert).toContainText("config.tokenFile: Keyledger reads no credential files: KEYLEDGER_CREDENTIAL_DIR is not set");
  await page.setViewportSize({ width: 390, height: 844 });
  await alert.scrollIntoViewIfNeeded();
  await screenshot(page, "source-form-refused-390");
  await expect(page).toHaveURL(/\/sources\/new$/);
});

test("the API refuses the same with 422 problem+json naming body.config.<field>", async ({ baseURL }) => {
  const admin = await apiAs(baseURL!, PERSONAS.admin);
  const config = { org: "lumenpay", apiUrl: "http://0xA9FEA9FE/", tokenEnv: "DATABASE_URL" };
  const response = await admin.post("/api/v1/sources", { data: { kind: "github_actions", name: "GitHub · refused", config } });
  expect(response.status()).toBe(422);
  expect(response.headers()["content-type"]).toContain("application/problem+json");
  const { errors } = (await response.json()) as { errors: { field: string; message: string }[] };
  expect(errors).toEqual([
    { field: "body.config.apiUrl", message: expect.stringContaining("169.254.169.254 is a link-local or cloud-metadata address") },
    { field: "body.config.tokenEnv", message: "DATABASE_URL names one of Keyledger's own settings, which are never sent to a store" },
  ]);
  await admin.dispose();
});

test("founders and auditors see a source without where its credentials come from; the admin sees what was typed", async ({ page, browser, baseURL }) => {
  const admin = await apiAs(baseURL!, PERSONAS.admin);
  const typed = { address: vault.url, mount: "kv", auth: "token", tokenEnv: "E2E_VAULT_TOKEN" };
  const created = await admin.post("/api/v1/sources", { data: { kind: "vault", name: "Vault · viewed by auditors", config: typed } });
  expect(created.status()).toBe(200);
  const { id } = (await created.json()) as { id: string };
  expect(((await (await admin.get(`/api/v1/sources/${id}`)).json()) as { source: { config: unknown } }).source.config).toEqual(typed);
  for (const who of [PERSONAS.auditor, PERSONAS.founder]) {
    const api = await apiAs(baseURL!, who);
    const detail = (await (await api.get(`/api/v1/sources/${id}`)).json()) as { source: { config: unknown } };
    expect(detail.source.config, who).toEqual({ address: vault.url, mount: "kv", auth: "token", tokenEnv: "configured" });
    expect(await (await api.get("/api/v1/sources")).text(), who).not.toContain("E2E_VAULT_TOKEN");
    await api.dispose();
  }
  await admin.dispose();

  await signInAs(page, PERSONAS.auditor);
  await page.goto(`/sources/${id}`);
  await expect(page.getByTestId("source-config")).toContainText('"tokenEnv": "configured"');
  await expect(page.getByText("only admins see it")).toBeVisible();
  await expect(page.locator("body")).not.toContainText("E2E_VAULT_TOKEN");
  await screenshot(page, "source-detail-auditor");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByTestId("source-config").scrollIntoViewIfNeeded();
  await screenshot(page, "source-detail-auditor-390");

  // Signed in at desktop width (signInAs looks for the sidebar's name, which a phone folds away), then a phone.
  const adminPage = await browser.newPage({ baseURL });
  await signInAs(adminPage, PERSONAS.admin);
  await adminPage.setViewportSize({ width: 390, height: 844 });
  await adminPage.goto(`/sources/${id}`);
  await expect(adminPage.getByTestId("source-config")).toContainText('"tokenEnv": "E2E_VAULT_TOKEN"');
  await screenshot(adminPage, "source-detail-390");
  await adminPage.close();
});

test("an admin disables and enables a source, changes its schedule in words and sees each change confirmed", async ({ page }) => {
  await signInAs(page, PERSONAS.admin);
  await addSource(page, "Vault KV", "Vault · toggled", { address: vault.url, mount: "kv", auth: "token", tokenEnv: "E2E_VAULT_TOKEN" });
  const actions = page.getByRole("button", { name: "Disable" });
  await actions.click();
  await expect(page.getByRole("status").filter({ hasText: "Disabled" })).toHaveText("Disabled: it is not synced until it is enabled again.");
  await expect(page.getByTestId("source-health")).toContainText("disabled");
  await expect(page.getByTestId("next-sync")).toHaveText("not while it is disabled");
  await expect(page.getByRole("button", { name: "Sync now" })).toBeDisabled();
  await expect(page.locator("main")).not.toContainText("must be an http");
  await page.getByRole("button", { name: "Enable" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Enabled" })).toHaveText("Enabled: it syncs on its schedule again.");
  await expect(page.getByRole("button", { name: "Sync now" })).toBeEnabled();

  const form = page.getByRole("form", { name: "Edit source" });
  const schedule = form.getByLabel("Sync schedule");
  await expect(schedule.locator("option:checked")).toHaveText("hourly");
  expect(await schedule.locator("option").allTextContents()).toEqual(["every 15 minutes", "every 30 minutes", "hourly", "every 6 hours", "every 12 hours", "daily", "weekly"]);
  await schedule.selectOption({ label: "weekly" });
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(form.getByRole("status")).toHaveText('Saved "Vault · toggled": synced weekly, configuration and tag keys as shown.');
  await expect(page.getByTestId("source-health")).toContainText("weekly");
  await expect(page.locator("main")).not.toContainText("10080");
  await form.scrollIntoViewIfNeeded();
  await screenshot(page, "source-edit-saved");
  await page.setViewportSize({ width: 390, height: 844 });
  await form.getByRole("button", { name: "Save changes" }).scrollIntoViewIfNeeded();
  await screenshot(page, "source-edit-saved-390");
});

test("an admin deletes a source after a confirm that says what happens; its secrets stay, marked missing", async ({ page, baseURL }) => {
  test.setTimeout(90_000);
  const store = await startVaultWireServer({ secrets: sampleVaultSecrets(5) });
  await signInAs(page, PERSONAS.admin);
  await addSource(page, "Vault KV", "Vault · to delete", { address: store.url, mount: "kv", auth: "token", tokenEnv: "E2E_VAULT_TOKEN" });
  await syncAndWait(page);
  const url = page.url();

  await page.getByRole("button", { name: "Delete…" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete “Vault · to delete”?" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId("delete-consequences")).toContainText("It stops syncing and leaves the Sources list.");
  await expect(dialog.getByTestId("delete-consequences")).toContainText("Its 5 secrets stay in the registry, marked missing, with their history, owners and access events.");
  await expect(dialog.getByTestId("delete-consequences")).toContainText("This cannot be undone");
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await screenshot(page, "source-delete-confirm");
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, "source-delete-confirm-390");
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(url);

  await page.getByRole("button", { name: "Delete…" }).click();
  await dialog.getByRole("button", { name: "Delete source" }).click();
  await expect(page).toHaveURL(/\/sources\?deleted=/);
  await expect(page.getByRole("status").filter({ hasText: "Deleted" })).toHaveText("Deleted “Vault · to delete”: it no longer syncs. Its 5 secrets stay in the registry, marked missing, with their history.");
  await expect(page.getByTestId("sources-table")).not.toContainText("Vault · to delete");

  const admin = await apiAs(baseURL!, PERSONAS.admin);
  const id = url.split("/").at(-1)!;
  const detail = (await (await admin.get(`/api/v1/sources/${id}`)).json()) as { source: { name: string; enabled: boolean; deletedBy: string }; counts: { secrets: number; missing: number } };
  expect(detail).toMatchObject({ source: { enabled: false, deletedBy: PERSONAS.admin }, counts: { secrets: 0, missing: 5 } });
  expect(detail.source.name).toMatch(/^Vault · to delete \(deleted .* UTC\)$/);
  expect((await admin.delete(`/api/v1/sources/${id}`)).status()).toBe(404);
  await admin.dispose();
  await page.goto(url);
  await expect(page.getByRole("heading", { name: /Vault · to delete \(deleted/ })).toBeVisible();
  await expect(page.getByText("it no longer syncs; its secrets stay in the registry, marked missing")).toBeVisible();
  await expect(page.getByRole("button", { name: "Sync now" })).toHaveCount(0);
  await store.close();
});
