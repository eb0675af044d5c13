// What each kind of source's configuration holds, by field: the store's addresses (checked before
// anything is sent, shown without credentials), the fields anyone who can read sources may see,
// and — everything else — fields only admins see: where credentials come from (…Env, …File, auth
// roles and mounts), and anything unknown. A new field is admin-only until it is listed here.
import type { SourceKind } from "@/lib/sources/types";

type Fields = { addresses: string[]; shown: string[] };

export const CONFIG_FIELDS: Record<SourceKind, Fields> = {
  aws_secrets_manager: { addresses: ["endpoint", "cloudTrailEndpoint"], shown: ["regions", "accountLabel"] },
  azure_key_vault: { addresses: ["vaultUrl"], shown: [] },
  doppler: { addresses: ["apiUrl"], shown: ["projects", "configs"] },
  gcp_secret_manager: { addresses: ["apiEndpoint"], shown: ["projects", "location"] },
  github_actions: { addresses: ["apiUrl"], shown: ["org", "repos", "includeEnvironments"] },
  infisical: { addresses: ["siteUrl"], shown: ["projectId", "environments", "secretPath", "recursive"] },
  kubernetes: { addresses: ["server"], shown: ["clusterName", "namespaces", "serviceAccountTokens"] },
  onepassword: { addresses: ["connectUrl"], shown: ["vaults"] },
  sops: { addresses: [], shown: ["repoPath", "globs"] },
  vault: { addresses: ["address"], shown: ["mount", "namespace", "pathPrefix", "auth", "concurrency"] },
  inventory_file: { addresses: [], shown: ["file"] },
};

/** Sample data of the demo company: a flag every role's pages read. */
export const ALWAYS_SHOWN = ["demo"];

/** Fields that say where a credential comes from or who it logs in as. */
export function isCredentialReference(key: string): boolean {
  return /(Env|File)$/.test(key) || ["role", "approleMount", "k8sMount", "managedIdentityClientId", "context"].includes(key);
}

/** A store address as a URL: GCP's apiEndpoint may be a bare host[:port]. */
export function addressUrl(value: string): string {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `https://${value}`;
}

/** The addresses a configuration names (parsed or as stored). */
export function addressesOf(kind: SourceKind, config: Record<string, unknown>): string[] {
  return CONFIG_FIELDS[kind].addresses.flatMap((key) => (typeof config[key] === "string" && config[key] ? [addressUrl(config[key] as string)] : []));
}
