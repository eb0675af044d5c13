// Azure Key Vault, metadata only: Get Secrets + Get Secret Versions through the official SecretClient
// (listPropertiesOfSecrets / listPropertiesOfSecretVersions). getSecret — the value call — is never made.
import { mapBounded } from "@/lib/sources/concurrency";
import { DefaultAzureCredential, type TokenCredential } from "@azure/identity";
import { SecretClient, type SecretClientOptions, type SecretProperties } from "@azure/keyvault-secrets";
import { azureKeyVaultConfigSchema, vaultHost, type AzureKeyVaultConfig } from "@/lib/sources/azure/config";
import { toSourceError, type AzureCall } from "@/lib/sources/azure/errors";
import { mapSecret } from "@/lib/sources/azure/map-secret";
import { azurePolicy } from "@/lib/sources/azure/policy";
import type { Connector, SecretMetadata } from "@/lib/sources/types";

export type AzureConnectorOptions = {
  /** A credential to use instead of DefaultAzureCredential (tests). */
  credential?: TokenCredential;
  /** Client overrides (tests: a TLS agent that trusts the local wire server, short retry delays). */
  clientOptions?: SecretClientOptions;
  /** How many secrets' versions are listed at once. */
  concurrency?: number;
};

// The SDK pipeline retries 429/503 honouring Retry-After and other 5xx with exponential backoff, per
// request — including next-page requests, which a retry around the whole iterator could not resume.
const RETRY = { maxRetries: 4, retryDelayInMs: 500, maxRetryDelayInMs: 30_000 };

async function attempt<T>(target: AzureCall, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toSourceError(error, target);
  }
}

export function createAzureKeyVaultConnector(options: AzureConnectorOptions = {}): Connector<AzureKeyVaultConfig> {
  const concurrency = options.concurrency ?? 8;

  function clientFor(config: AzureKeyVaultConfig): SecretClient {
    const credential = options.credential ?? new DefaultAzureCredential(config.managedIdentityClientId ? { managedIdentityClientId: config.managedIdentityClientId } : {});
    return new SecretClient(config.vaultUrl, credential, { retryOptions: RETRY, ...options.clientOptions });
  }

  async function listVersions(client: SecretClient, name: string, abortSignal?: AbortSignal): Promise<SecretProperties[]> {
    const target: AzureCall = { operation: "GetSecretVersions", resource: name };
    const iterator = client.listPropertiesOfSecretVersions(name, { abortSignal });
    const versions: SecretProperties[] = [];
    for (;;) {
      const next = await attempt(target, () => iterator.next());
      if (next.done) return versions;
      versions.push(next.value);
    }
  }

  return {
    kind: "azure_key_vault",
    label: "Azure Key Vault",
    provides: ["externalId", "name", "kind", "environment", "tier", "lifetime", "createdAt", "updatedAt", "lastRotatedAt", "versionCount", "tags", "owners", "consumers", "place"],
    configSchema: azureKeyVaultConfigSchema,
    policy: azurePolicy,

    async testConnection(ctx) {
      const client = clientFor(ctx.config);
      const pages = client.listPropertiesOfSecrets({ abortSignal: ctx.signal }).byPage({ maxPageSize: 1 });
      await attempt({ operation: "GetSecrets", resource: ctx.config.vaultUrl }, () => pages.next());
      return { detail: `Listed secret metadata in the vault ${vaultHost(ctx.config)}.` };
    },

    async *listSecrets(ctx) {
      const client = clientFor(ctx.config);
      const place = `Azure Key Vault ${vaultHost(ctx.config)}`;
      const target: AzureCall = { operation: "GetSecrets", resource: ctx.config.vaultUrl };
      const iterator = client.listPropertiesOfSecrets({ abortSignal: ctx.signal });
      const listed = (async function* () {
        for (let next = await attempt(target, () => iterator.next()); !next.done; next = await attempt(target, () => iterator.next())) yield next.value;
      })();
      yield* mapBounded(listed, concurrency, async (properties): Promise<SecretMetadata> =>
        mapSecret({ properties, versions: await listVersions(client, properties.name, ctx.signal), place, tagKeys: ctx.tagKeys }),
      );
    },
  };
}

export const azureKeyVaultConnector = createAzureKeyVaultConnector();
