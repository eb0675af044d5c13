// What the operator lets a source make the worker read and contact (docs/security.md): the
// variables and the one directory store credentials may come from, and whether link-local
// addresses are allowed. Read afresh on every check rather than from env()'s cache, so a source is
// judged by the configuration in force when it is saved and again when it is used.
import { readFileSync, realpathSync } from "node:fs";
import path from "node:path";
import { readSettings } from "@/lib/env";

export type SourceReach = {
  /** KEYLEDGER_CREDENTIAL_ENV: variable names, or prefixes ending in `*`. */
  credentialEnv: string[];
  /** What is wrong with KEYLEDGER_CREDENTIAL_ENV, if anything. */
  credentialEnvProblem: string | null;
  /** KEYLEDGER_CREDENTIAL_DIR as configured, and its real path; null when unset. */
  credentialDir: { configured: string; real: string } | null;
  credentialDirProblem: string | null;
  /** Keyledger's own directories (real paths): nothing in them is ever read as a credential. */
  ownDirs: { dir: string; what: string }[];
  allowLinkLocal: boolean;
};

const ENTRY = /^(\*|[A-Za-z_][A-Za-z0-9_]*\*?)$/;

/** A directory's real path; the resolved path when it does not exist (yet). */
export function realOrResolved(dir: string): string {
  const resolved = path.resolve(dir);
  try {
    return realpathSync(resolved);
  } catch {
    return resolved;
  }
}

let root: string | null | undefined;
/** The directory Keyledger is installed in, whichever directory the command was started from. */
function keyledgerRoot(): string | null {
  if (root !== undefined) return root;
  for (const start of [process.argv[1], process.cwd()].filter((p): p is string => Boolean(p))) {
    for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
      try {
        if ((JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as { name?: string }).name === "keyledger") return (root = realOrResolved(dir));
      } catch {
        // no package.json here
      }
      if (dir === path.dirname(dir)) break;
    }
  }
  return (root = null);
}

export function sourceReach(source?: Record<string, string | undefined>): SourceReach {
  const env = readSettings(["KEYLEDGER_CREDENTIAL_ENV", "KEYLEDGER_CREDENTIAL_DIR", "KEYLEDGER_DATA_DIR", "KEYLEDGER_ALLOW_LINK_LOCAL"], source);
  const entries = (env.KEYLEDGER_CREDENTIAL_ENV ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  const bad = entries.filter((entry) => !ENTRY.test(entry));
  const dir = env.KEYLEDGER_CREDENTIAL_DIR?.trim();
  const absolute = dir ? path.isAbsolute(dir) : true;
  return {
    credentialEnv: entries.filter((entry) => ENTRY.test(entry)),
    credentialEnvProblem: bad.length
      ? `KEYLEDGER_CREDENTIAL_ENV has ${bad.map((b) => `"${b}"`).join(", ")}, which is not a variable name (comma-separated names; a trailing * allows a prefix)`
      : null,
    credentialDir: dir && absolute ? { configured: path.resolve(dir), real: realOrResolved(dir) } : null,
    credentialDirProblem: absolute ? null : `KEYLEDGER_CREDENTIAL_DIR must be an absolute path (it is ${dir})`,
    ownDirs: [
      { dir: realOrResolved(env.KEYLEDGER_DATA_DIR), what: "Keyledger's own data directory (KEYLEDGER_DATA_DIR)" },
      ...[keyledgerRoot(), realOrResolved(process.cwd())].filter((dir): dir is string => dir !== null).map((dir) => ({ dir, what: "Keyledger's own directory" })),
    ],
    allowLinkLocal: env.KEYLEDGER_ALLOW_LINK_LOCAL === "on",
  };
}
