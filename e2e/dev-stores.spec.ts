// The one-command try-out: `keyledger start --with-dev-stores` (npm start -- --with-dev-stores) on a
// fresh embedded database of its own, then, in Chromium, Add source with the configuration it
// printed → Sync now → the store's sample secrets are in. Its own data directory and ports.
import { spawn, type ChildProcess } from "node:child_process";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { PERSONAS, signInAs } from "./fixtures/auth";

const PORT = 3288;
const URL_BASE = `http://localhost:${PORT}`;
let child: ChildProcess;
let dir: string;
let out = "";

test.beforeAll(async () => {
  test.setTimeout(240_000);
  dir = await mkdtemp(path.join(tmpdir(), "keyledger-dev-stores-"));
  await chmod(dir, 0o755); // embedded Postgres runs as its own user
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(PORT), KEYLEDGER_PG_PORT: "54488", KEYLEDGER_DATA_DIR: path.join(dir, "data"), NEXTAUTH_URL: URL_BASE };
  for (const name of ["DATABASE_URL", "KEYLEDGER_CREDENTIAL_ENV", "NEXTAUTH_SECRET"]) delete env[name];
  child = spawn(process.execPath, ["bin/keyledger.mjs", "start", "--with-dev-stores"], { env });
  child.stdout?.on("data", (d) => (out += d));
  child.stderr?.on("data", (d) => (out += d));
  const deadline = Date.now() + 220_000;
  while (!out.includes("Sign in at")) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`keyledger start --with-dev-stores did not come up:\n${out}`);
    await new Promise((r) => setTimeout(r, 250));
  }
});
test.afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGINT");
    await exited;
  }
  if (dir) await rm(dir, { recursive: true, force: true });
});

test("start --with-dev-stores prints what to paste, and Add source → Sync now brings the local Vault's secrets in", async ({ browser }) => {
  test.setTimeout(120_000);
  const config = /Store: Vault KV · Name: Vault · local · Configuration \(JSON\):\n\s*(\{.*\})/.exec(out)?.[1];
  expect(config, out).toBeTruthy();
  expect(out).toContain("Store: AWS Secrets Manager");
  expect(out).toContain("Store: GitHub Actions");

  const page = await browser.newPage({ baseURL: URL_BASE });
  await signInAs(page, PERSONAS.admin);
  await page.goto("/sources/new");
  await page.getByLabel("Store").selectOption({ label: "Vault KV" });
  await page.getByLabel("Name", { exact: true }).fill("Vault · local");
  await page.getByLabel("Configuration (JSON)").fill(config!);
  await page.getByRole("button", { name: "Add source" }).click();
  await expect(page.getByRole("heading", { name: "Vault · local" })).toBeVisible();
  await page.getByRole("button", { name: "Sync now" }).click();
  await expect(page.getByTestId("sync-runs").locator("tbody tr").first()).toHaveAttribute("data-status", "succeeded", { timeout: 30_000 });
  await expect(page.getByTestId("sync-runs").locator("tbody tr").first()).toContainText("60");
  await expect(page.getByTestId("source-health")).toContainText("in sync");
  await page.close();
});
