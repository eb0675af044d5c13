// HashiCorp Vault / OpenBao KV v2, read over the documented HTTP API with metadata operations only
// (docs/architecture.md, rule 1): LIST <mount>/metadata/<folder>/ to walk, GET <mount>/metadata/<path>
// per secret, plus a login (AppRole / Kubernetes) and auth/token/lookup-self. Never <mount>/data/.
// LIST is sent as GET ?list=true, which Vault documents as equivalent and every proxy passes.
import type { Connector } from "@/lib/sources/types";
import { connectVault, type VaultClient } from "@/lib/sources/vault/client";
import { VAULT_CREDENTIALS, vaultConfigSchema, type VaultConfig } from "@/lib/sources/vault/config";
import { mapBounded } from "@/lib/sources/concurrency";
import { toSecretMetadata, vaultPlace } from "@/lib/sources/vault/map-secret";
import { vaultPolicy } from "@/lib/sources/vault/policy";

/** Every secret path below `folder`, depth first, in Vault's (sorted) key order. */
async function* walk(client: VaultClient, folder: string): AsyncGenerator<string> {
  for (const key of await client.list(folder)) {
    const path = folder ? `${folder}/${key}` : key;
    if (key.endsWith("/")) yield* walk(client, path.slice(0, -1));
    else yield path;
  }
}

function describeExpiry(ttl: number | null | undefined): string {
  if (!ttl) return "does not expire";
  const hours = Math.floor(ttl / 3600);
  return hours >= 48 ? `expires in ${Math.floor(hours / 24)} days` : hours >= 1 ? `expires in ${hours} h` : `expires in ${Math.ceil(ttl / 60)} min`;
}

export const vaultConnector: Connector<VaultConfig> = {
  kind: "vault",
  label: "HashiCorp Vault / OpenBao (KV v2)",
  provides: ["externalId", "name", "description", "environment", "tier", "lifetime", "createdAt", "updatedAt", "lastRotatedAt", "versionCount", "tags", "owners", "consumers", "place"],
  configSchema: vaultConfigSchema,
  policy: vaultPolicy,
  credentials: (config) => VAULT_CREDENTIALS[config.auth],

  async testConnection(ctx) {
    const client = await connectVault(ctx);
    const token = await client.lookupSelf();
    const keys = await client.list(ctx.config.pathPrefix ?? "");
    const where = `${vaultPlace(ctx.config)}${ctx.config.pathPrefix ? `, under ${ctx.config.pathPrefix}/` : ""}`;
    const who = token
      ? `Token ${token.display_name ?? "(unnamed)"} with policies ${(token.policies ?? []).join(", ") || "none"}, ${describeExpiry(token.ttl)}.`
      : "The token may not look itself up (no auth/token/lookup-self), so its policies are not shown.";
    return { detail: `Listed ${keys.length} ${keys.length === 1 ? "entry" : "entries"} in ${where}. ${who}` };
  },

  async *listSecrets(ctx) {
    const client = await connectVault(ctx);
    const paths = walk(client, ctx.config.pathPrefix ?? "");
    const read = async (path: string) => ({ path, meta: await client.readMetadata(path) });
    for await (const { path, meta } of mapBounded(paths, ctx.config.concurrency, read)) {
      if (meta) yield toSecretMetadata(path, meta, ctx.config, ctx.tagKeys);
    }
  },
};
