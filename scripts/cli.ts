// The `keyledger` command. Later capabilities add commands here.
import { ConfigError } from "@/lib/env";
import { DatabaseStartError } from "@/db/embedded";
import { MigrationError } from "@/db/migrate";
import { DatabaseUnreachableError } from "@/scripts/database";
import { SourceError } from "@/lib/sources/source-error";

const USAGE = `Usage: keyledger <command>

  start            Start Keyledger: database (embedded unless DATABASE_URL), migrations,
                   demo seed (embedded only, once), job worker and the web server on $PORT
  migrate          Apply database migrations
  seed [--reset]   Seed the demo company (once; --reset wipes the registry and seeds again)
  worker           Run only the job worker (for scale-out next to web processes)
  sync [--source NAME]
                   Sync every enabled source now (or the one named), printing what changed
  help             This text`;

const commands: Record<string, (args: string[]) => Promise<void>> = {
  start: async () => (await import("@/scripts/start")).start(),
  migrate: async () => (await import("@/scripts/commands")).migrateCommand(),
  seed: async (args) => (await import("@/scripts/commands")).seedCommand({ reset: args.includes("--reset") }),
  worker: async () => (await import("@/scripts/commands")).workerCommand(),
  sync: async (args) => (await import("@/scripts/commands")).syncCommand({ source: optionValue(args, "--source") }),
};

function optionValue(args: string[], flag: string): string | undefined {
  const index = args.indexOf(flag);
  if (index === -1) return undefined;
  const value = args[index + 1];
  if (!value || value.startsWith("--")) throw new UsageError(`${flag} needs a value`);
  return value;
}

class UsageError extends Error {}

const [name = "help", ...args] = process.argv.slice(2);
const command = commands[name];
if (!command) {
  console.log(USAGE);
  process.exit(name === "help" || name === "--help" ? 0 : 2);
}

command(args).catch((error: unknown) => {
  const expected = [ConfigError, DatabaseStartError, DatabaseUnreachableError, MigrationError, UsageError, SourceError].some((type) => error instanceof type);
  console.error(expected ? `keyledger ${name}: ${(error as Error).message}` : error);
  process.exit(1);
});
