#!/usr/bin/env node
// `npm run bench`: runs every scripts/bench/*.bench.ts in turn. Each prints `name: value unit`
// lines and ratios against a baseline measured in the same run. Benchmarks are not tests.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

const here = import.meta.dirname;
const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
const only = process.argv[2];
let failed = false;
for (const file of readdirSync(here).filter((f) => f.endsWith(".bench.ts") && (!only || f.includes(only))).sort()) {
  console.log(`\n# ${file}`);
  const { status } = spawnSync(process.execPath, ["--conditions=react-server", "--import", tsx, path.join(here, file)], { stdio: "inherit" });
  failed ||= status !== 0;
}
process.exit(failed ? 1 : 0);
