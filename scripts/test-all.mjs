#!/usr/bin/env node
// `npm test`: every suite — unit, integration (real Postgres), e2e (production build, Chromium) —
// then one closing line "N passed, N failed" summed over all of them.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const results = path.join(root, ".test-results");
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const run = (command, args, env = {}) => spawnSync(command, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } }).status;

let passed = 0;
let failed = 0;

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

console.log("\n▶ unit and integration tests (vitest)\n");
const vitestJson = path.join(results, "vitest.json");
const vitestCode = run(bin("vitest"), ["run"], { KEYLEDGER_TEST_JSON: vitestJson });
const vitest = readJson(vitestJson);
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
}
if (vitestCode !== 0 && (!vitest || vitest.numFailedTests === 0)) failed += 1; // a suite that could not run

console.log("\n▶ browser tests (Playwright, production build)\n");
const tools = run("bash", [path.join(root, "scripts/ensure-test-tools.sh")]);
const build = tools === 0 ? run(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], { NODE_ENV: "production" }) : 1;
if (build !== 0) {
  console.error(tools === 0 ? "The production build failed: the browser tests cannot run." : "No Chromium: the browser tests cannot run.");
  failed += 1;
} else {
  const e2eJson = path.join(results, "e2e.json");
  const e2eCode = run(bin("playwright"), ["test"], { KEYLEDGER_E2E_JSON: e2eJson });
  const e2e = readJson(e2eJson);
  if (e2e?.stats) {
    passed += e2e.stats.expected + (e2e.stats.flaky ?? 0);
    failed += e2e.stats.unexpected;
  }
  if (e2eCode !== 0 && (!e2e?.stats || e2e.stats.unexpected === 0)) failed += 1;
}

if (!existsSync(vitestJson)) console.error("vitest wrote no results");
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
