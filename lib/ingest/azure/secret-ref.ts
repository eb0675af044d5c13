// A Key Vault secret as the connector names it (lib/sources/azure/map-secret.ts):
// `${new URL(id).origin}/secrets/${name}`, i.e. https://<vault>.vault.azure.net/secrets/<name>,
// without the version. Vault-wide operations name the vault URL itself.
// Secret names are case-insensitive in Key Vault: the name is kept as logged, so matching must
// compare it without regard to case.

const SECRET_PATHS = new Set(["secrets", "deletedsecrets"]);
// Path words that follow /secrets/ in routes that are not about one named secret.
const NOT_NAMES = new Set(["restore"]);
const VAULT_HOST = /^[a-z0-9-]+\.vault\.(azure\.net|azure\.cn|usgovcloudapi\.net|microsoftazure\.de)$/;

function parseUrl(text: string | null | undefined): URL | null {
  if (!text) return null;
  try {
    const url = new URL(text.trim());
    return url.protocol === "https:" && VAULT_HOST.test(url.hostname) ? url : null;
  } catch {
    return null;
  }
}

/** https://<vault>.vault.azure.net/secrets/<name> from a secret id or request URI; null when it names none. */
export function secretUrl(text: string | null | undefined): string | null {
  const url = parseUrl(text);
  if (!url) return null;
  const [collection, name] = url.pathname.split("/").filter(Boolean);
  if (!collection || !name || !SECRET_PATHS.has(collection.toLowerCase()) || NOT_NAMES.has(name.toLowerCase())) return null;
  return `https://${url.hostname}/secrets/${name}`;
}

/** https://<vault>.vault.azure.net from any URL on the vault's own host. */
export function vaultUrl(text: string | null | undefined): string | null {
  const url = parseUrl(text);
  return url ? `https://${url.hostname}` : null;
}

const RESOURCE_ID = /\/providers\/microsoft\.keyvault\/vaults\/([^/]+)(?:\/secrets\/([^/]+))?/i;

/**
 * From an ARM resource id (…/providers/Microsoft.KeyVault/vaults/<vault>[/secrets/<name>]). ARM ids
 * do not say which cloud, so the public-cloud host is assumed.
 */
export function refFromResourceId(resourceId: string | null | undefined, scope: "secret" | "vault"): string | null {
  const match = resourceId ? RESOURCE_ID.exec(resourceId) : null;
  if (!match) return null;
  const vault = `https://${match[1]!.toLowerCase()}.vault.azure.net`;
  if (scope === "vault") return vault;
  return match[2] ? `${vault}/secrets/${match[2]}` : null;
}

export function isVaultResource(resourceId: string | null | undefined): boolean {
  return Boolean(resourceId && RESOURCE_ID.test(resourceId));
}
