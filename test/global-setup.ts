// Integration suites run against a real PostgreSQL: one embedded cluster in a throw-away
// directory for the whole run, and a migrated template database that each test file clones.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { createDb } from "@/db/client";
import { startEmbeddedPostgres } from "@/db/embedded";
import { migrateDatabase } from "@/db/migrate";
import { freePort } from "@/test/free-port";

export const TEMPLATE = "keyledger_template";

declare module "vitest" {
  interface ProvidedContext {
    templateUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const dataDir = await mkdtemp(path.join(tmpdir(), "keyledger-it-"));
  const server = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: TEMPLATE, fast: true });
  const template = createDb(server.url, { max: 2 });
  await migrateDatabase(template);
  await template.close();
  project.provide("templateUrl", server.url);
  return async () => {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
