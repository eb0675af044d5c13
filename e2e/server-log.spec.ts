// What the web server prints about a bad request — Next.js's own warnings and render errors, which
// it writes with console.* — goes through the redacting logger (instrumentation.ts → lib/log-console.ts).
// The production build runs here as a server of its own, so its stderr can be read; its database is
// a closed port, so a page that queries fails the way an outage would.
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { createRequire } from "node:module";
import { expect, test } from "@playwright/test";
import { signUnsubscribeToken } from "@/lib/domain/reminders/unsubscribe-token";

const PORT = 3194;
const BASE = `http://127.0.0.1:${PORT}`;
const TOKEN = "ghp_abcdefghijklmnopqrstuvwxyz0123456789";
const SIGNING_KEY = "server-log-spec-signing-key-not-a-secret";
let server: ChildProcess;
let output = "";

test.beforeAll(async () => {
  const next = createRequire(import.meta.url).resolve("next/dist/bin/next");
  server = spawn(process.execPath, [next, "start", "-p", String(PORT), "-H", "127.0.0.1"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: "postgres://keyledger:hunter2-hunter2@127.0.0.1:1/keyledger",
      NEXTAUTH_SECRET: SIGNING_KEY,
      NEXTAUTH_URL: BASE,
      KEYLEDGER_DEMO: "off",
    },
  });
  server.stdout!.on("data", (d) => (output += d));
  server.stderr!.on("data", (d) => (output += d));
  await expect.poll(() => fetch(`${BASE}/api/health`).then((r) => r.status, () => 0), { timeout: 60_000 }).toBe(503);
});

test.afterAll(() => {
  server?.kill("SIGTERM");
});

test("Next.js's warning about a forged Server Action id prints the id redacted", async () => {
  const response = await fetch(`${BASE}/sign-in`, { method: "POST", headers: { "next-action": TOKEN, "content-type": "text/plain;charset=UTF-8" }, body: "[]" });
  expect(response.status).toBe(400);
  await expect.poll(() => output).toMatch(/warn {2}Error: The Server Reference ID did not match the expected format\. Received "\[redacted\]"/);
  expect(output).not.toContain(TOKEN);
});

test("a page that fails on the database is logged without the failed query or its parameters", async () => {
  const personId = randomUUID();
  const link = `/unsubscribe?token=${signUnsubscribeToken(SIGNING_KEY, { personId, channel: "email" })}`;
  expect((await fetch(`${BASE}${link}`)).status).toBe(500);
  await expect.poll(() => output).toMatch(/error .*DrizzleQueryError: database query failed[\s\S]*\[cause\] Error ECONNREFUSED/);
  expect(output).not.toContain(personId);
  expect(output).not.toMatch(/Failed query|params:/);
  expect(output).not.toContain("hunter2-hunter2");
});
