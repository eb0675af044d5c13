// End-to-end tests run the production build, started exactly as `npm start` does, against a
// throw-away embedded Postgres in a temporary directory, in Debian's Chromium. Two Keyledger servers
// share that database: the demo (personas, no real provider) on WEB_PORT, and — since demo sign-in
// is never offered beside a real provider — a second one on SSO_PORT signing in through a real
// OpenID provider (oidc-provider) for the OIDC specs.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";
import { embeddedUrl } from "./db/embedded";

const WEB_PORT = Number(process.env.E2E_WEB_PORT ?? 3199);
const OIDC_PORT = Number(process.env.E2E_OIDC_PORT ?? 3198);
const PG_PORT = Number(process.env.E2E_PG_PORT ?? 54399);
const SSO_PORT = Number(process.env.E2E_SSO_PORT ?? 3196);
// Workers re-read this file; the directory is made once and inherited through the environment.
process.env.E2E_DATA_DIR ??= mkdtempSync(path.join(tmpdir(), "keyledger-e2e-"));
export const BASE_URL = `http://localhost:${WEB_PORT}`;
export const SSO_URL = `http://localhost:${SSO_PORT}`;
export const OIDC_URL = `http://localhost:${OIDC_PORT}`;
export const E2E_DATABASE_URL = embeddedUrl(PG_PORT);

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
      env: { OIDC_PORT: String(OIDC_PORT), REDIRECT_URI: `${SSO_URL}/api/auth/callback/oidc` },
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
        DATABASE_URL: "",
        // The suite signs in hundreds of times from 127.0.0.1; the limit itself is proven on a server
        // with small limits of its own (e2e/sign-in-limit.spec.ts).
        KEYLEDGER_SIGNIN_MAX_PER_ADDRESS: "100000",
        KEYLEDGER_SIGNIN_MAX_PER_ACCOUNT: "100000",
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
    {
      // Single sign-on only: no demo personas beside it. Same database as the demo server above.
      command: "node bin/keyledger.mjs start",
      url: `${SSO_URL}/api/health`,
      env: {
        PORT: String(SSO_PORT),
        DATABASE_URL: E2E_DATABASE_URL,
        NEXTAUTH_URL: SSO_URL,
        NEXTAUTH_SECRET: "e2e-sso-session-signing-key-not-a-secret",
        KEYLEDGER_DEMO: "off",
        KEYLEDGER_WORKER: "off",
        OIDC_ISSUER: OIDC_URL,
        OIDC_CLIENT_ID: "keyledger-e2e",
        OIDC_CLIENT_SECRET: "e2e-client-credential-not-a-secret",
        OIDC_NAME: "Lumen SSO",
        // Both servers count the same sign_in_attempts rows, all from 127.0.0.1.
        KEYLEDGER_SIGNIN_MAX_PER_ADDRESS: "100000",
        KEYLEDGER_SIGNIN_MAX_PER_ACCOUNT: "100000",
      },
      reuseExistingServer: false,
      timeout: 120_000,
      gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
      stdout: "pipe",
      stderr: "pipe",
    },
  ],
});
