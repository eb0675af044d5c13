// End-to-end tests run the production build, started exactly as `npm start` does, against a
// throw-away embedded Postgres in a temporary directory, in Debian's Chromium, with a real
// OpenID provider (oidc-provider) beside it for the OIDC sign-in path.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";

const WEB_PORT = Number(process.env.E2E_WEB_PORT ?? 3199);
const OIDC_PORT = Number(process.env.E2E_OIDC_PORT ?? 3198);
const PG_PORT = Number(process.env.E2E_PG_PORT ?? 54399);
// Workers re-read this file; the directory is made once and inherited through the environment.
process.env.E2E_DATA_DIR ??= mkdtempSync(path.join(tmpdir(), "keyledger-e2e-"));
export const BASE_URL = `http://localhost:${WEB_PORT}`;

export default defineConfig({
  testDir: "e2e",
  outputDir: ".test-results/e2e",
  fullyParallel: false,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  retries: 0,
  globalTeardown: "./e2e/fixtures/global-teardown.ts",
  reporter: process.env.KEYLEDGER_E2E_JSON
    ? [["list"], ["json", { outputFile: process.env.KEYLEDGER_E2E_JSON }]]
    : [["list"]],
  use: {
    baseURL: BASE_URL,
    viewport: { width: 1440, height: 900 },
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
    },
  },
  webServer: [
    {
      command: "node e2e/fixtures/oidc-provider.mjs",
      url: `http://localhost:${OIDC_PORT}/.well-known/openid-configuration`,
      env: { OIDC_PORT: String(OIDC_PORT), REDIRECT_URI: `${BASE_URL}/api/auth/callback/oidc` },
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: "node bin/keyledger.mjs start",
      url: `${BASE_URL}/api/health`,
      env: {
        PORT: String(WEB_PORT),
        KEYLEDGER_DATA_DIR: process.env.E2E_DATA_DIR,
        KEYLEDGER_PG_PORT: String(PG_PORT),
        NEXTAUTH_URL: BASE_URL,
        OIDC_ISSUER: `http://localhost:${OIDC_PORT}`,
        OIDC_CLIENT_ID: "keyledger-e2e",
        OIDC_CLIENT_SECRET: "e2e-client-credential-not-a-secret",
        OIDC_NAME: "Lumen SSO",
        DATABASE_URL: "",
        // Credentials of the local wire servers the sources spec starts (they open nothing else),
        // and the only variables sources may read them from (the AWS SDK reads its own AWS_* chain).
        KEYLEDGER_CREDENTIAL_ENV: "E2E_VAULT_TOKEN,E2E_GITHUB_TOKEN",
        E2E_VAULT_TOKEN: "wire-vault-token",
        E2E_GITHUB_TOKEN: "wire-github-token",
        AWS_ACCESS_KEY_ID: "AKIDLOCALWIRE",
        AWS_SECRET_ACCESS_KEY: "local-wire-server",
        AWS_REGION: "us-east-1",
        // Small, so the upload spec can show the 413 without sending a quarter gigabyte.
        KEYLEDGER_INGEST_MAX_BYTES: String(1024 * 1024),
        // And a gzip that expands past 8 MiB is a bomb, so the upload spec can show that 413 too.
        KEYLEDGER_INGEST_MAX_DECOMPRESSED_BYTES: String(8 * 1024 * 1024),
        // The inventory upload's own limit, small enough for its spec to cross.
        KEYLEDGER_INVENTORY_MAX_BYTES: String(2 * 1024 * 1024),
      },
      reuseExistingServer: false,
      timeout: 600_000,
      gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
      stdout: "pipe",
      stderr: "pipe",
    },
  ],
});
