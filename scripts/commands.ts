// The small commands: each opens the database the standard way, does one thing, and closes it.
import { migrateDatabase } from "@/db/migrate";
import { seedDemo } from "@/db/seed";
import { syncSources } from "@/scripts/sync-command";
import { startWorker } from "@/lib/jobs/worker";
import { openDatabase } from "@/scripts/database";

export async function migrateCommand() {
  const database = await openDatabase();
  try {
    await migrateDatabase(database);
    console.log("Migrations applied.");
  } finally {
    await database.shutdown();
  }
}

export async function seedCommand({ reset }: { reset: boolean }) {
  const database = await openDatabase();
  try {
    await migrateDatabase(database);
    const result = await seedDemo(database, { reset });
    console.log(result.seeded ? `Demo company seeded: ${formatCounts(result.counts)}` : "The demo company is already seeded (use --reset to seed it again).");
  } finally {
    await database.shutdown();
  }
}

export async function workerCommand() {
  const database = await openDatabase();
  await migrateDatabase(database);
  const worker = await startWorker({ url: database.url, db: database.db });
  console.log("Keyledger worker running. Ctrl-C stops it.");
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  await worker.stop();
  await database.shutdown();
}

export function formatCounts(counts: Record<string, number>): string {
  return Object.entries(counts)
    .map(([k, v]) => `${v.toLocaleString("en-US")} ${k}`)
    .join(", ");
}

export async function syncCommand({ source }: { source?: string }) {
  const database = await openDatabase();
  try {
    await migrateDatabase(database);
    const failed = await syncSources(database.db, source);
    if (failed) process.exitCode = 1;
  } finally {
    await database.shutdown();
  }
}
