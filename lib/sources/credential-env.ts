// Which environment variables a source may name for a store credential: only those the operator
// listed in KEYLEDGER_CREDENTIAL_ENV, and never one of Keyledger's own, whatever the list says —
// those would hand the database password or the session-signing key to the store's address.
import { envSchema } from "@/lib/env";
import type { SourceReach } from "@/lib/sources/source-reach";

const OWN_NAMES = new Set(Object.keys(envSchema.shape).map((name) => name.toUpperCase()));
// Keyledger's, Next.js's, next-auth's and Node's settings, libpq's PG* (PGPASSWORD) and npm's (tokens).
const OWN_PREFIXES = ["KEYLEDGER_", "NEXTAUTH_", "AUTH_", "NEXT_", "OIDC_", "GITHUB_CLIENT_", "NODE_", "PG", "NPM_"];

export function isKeyledgerOwn(name: string): boolean {
  const upper = name.toUpperCase();
  return OWN_NAMES.has(upper) || OWN_PREFIXES.some((prefix) => upper.startsWith(prefix));
}

function listed(name: string, entries: string[]): boolean {
  return entries.some((entry) => (entry.endsWith("*") ? name.startsWith(entry.slice(0, -1)) : name === entry));
}

/** Why the worker may not read `name` for a store credential, or null when it may. */
export function envRefusal(name: string, reach: SourceReach): string | null {
  if (isKeyledgerOwn(name)) return `${name} names one of Keyledger's own settings, which are never sent to a store`;
  if (reach.credentialEnvProblem) return reach.credentialEnvProblem;
  if (listed(name, reach.credentialEnv)) return null;
  const now = reach.credentialEnv.length ? `it allows ${reach.credentialEnv.join(", ")}` : "it is not set, so no variable is allowed";
  return `${name} is not in KEYLEDGER_CREDENTIAL_ENV, the variables the worker may read store credentials from (${now}): add ${name} there`;
}
