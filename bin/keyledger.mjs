#!/usr/bin/env node
// `keyledger <command>`: runs scripts/cli.ts under tsx with the react-server condition (so the
// server-only data layer loads outside Next), passing signals through for a clean Ctrl-C.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const [major] = process.versions.node.split(".").map(Number);
if (major < 22) {
  console.error(`Keyledger needs Node.js 22.12 or newer (24 LTS recommended); this is ${process.version}.`);
  process.exit(1);
}
const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
const child = spawn(
  process.execPath,
  ["--conditions=react-server", "--import", tsx, path.join(root, "scripts/cli.ts"), ...process.argv.slice(2)],
  { stdio: "inherit", cwd: process.cwd() },
);
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => child.kill(signal));
}
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
