// Every connector Keyledger has, by source kind. The sync job, the Sources page and the API look
// connectors up here; nothing else names a store. Inventory files are imported, not synced
// (`keyledger import`), so they have no connector.
import { awsSecretsManagerConnector } from "@/lib/sources/aws/connector";
import { azureKeyVaultConnector } from "@/lib/sources/azure/connector";
import { addressesOf } from "@/lib/sources/config-fields";
import { dopplerConnector } from "@/lib/sources/doppler/connector";
import { gcpSecretManagerConnector } from "@/lib/sources/gcp/connector";
import { githubActionsConnector } from "@/lib/sources/github/connector";
import { guardConnection } from "@/lib/sources/guard-connection";
import { infisicalConnector } from "@/lib/sources/infisical/connector";
import { kubernetesConnector } from "@/lib/sources/kubernetes/connector";
import { onePasswordConnector } from "@/lib/sources/onepassword/connector";
import { sopsConnector } from "@/lib/sources/sops/connector";
import { SourceError } from "@/lib/sources/source-error";
import { sourceReach } from "@/lib/sources/source-reach";
import { DEFAULT_TAG_KEYS, type TagKeys } from "@/lib/sources/tag-mapping";
import type { Connector, SourceKind } from "@/lib/sources/types";
import { vaultConnector } from "@/lib/sources/vault/connector";

// Each connector has its own configuration type; callers validate with its configSchema first.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyConnector = Connector<any>;

export const CONNECTORS: Partial<Record<SourceKind, AnyConnector>> = {
  aws_secrets_manager: awsSecretsManagerConnector,
  vault: vaultConnector,
  gcp_secret_manager: gcpSecretManagerConnector,
  azure_key_vault: azureKeyVaultConnector,
  github_actions: githubActionsConnector,
  kubernetes: kubernetesConnector,
  doppler: dopplerConnector,
  onepassword: onePasswordConnector,
  infisical: infisicalConnector,
  sops: sopsConnector,
};

export function getConnector(kind: SourceKind): AnyConnector | undefined {
  return CONNECTORS[kind];
}

/**
 * A source as stored → its connector and the context to call it with: the configuration checked
 * against the connector's schema — credentials and addresses against what the operator allows
 * now, not when it was saved — and the source's tag keys over the defaults. Sync and "Test
 * connection" both start here; a missing connector or a bad configuration is a SourceError, and
 * nothing is sent to an address that fails the checks (lib/sources/guard-connection.ts).
 */
export function connectSource(
  source: { kind: SourceKind; config: Record<string, unknown>; tagKeys: Record<string, string[]> | null },
  { fetch, signal }: { fetch: typeof globalThis.fetch; signal: AbortSignal },
): { connector: AnyConnector; ctx: Parameters<AnyConnector["listSecrets"]>[0] } {
  const connector = getConnector(source.kind);
  if (!connector) throw new SourceError("unsupported", `Keyledger has no connector for ${source.kind} yet.`);
  const parsed = connector.configSchema.safeParse(source.config);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new SourceError("config", `The source's configuration is invalid: ${issue?.path.join(".") || "config"} — ${issue?.message}.`);
  }
  const tagKeys = { ...DEFAULT_TAG_KEYS, ...(source.tagKeys ?? {}) } as TagKeys;
  const addresses = addressesOf(source.kind, parsed.data as Record<string, unknown>);
  return guardConnection(connector, { config: parsed.data, tagKeys, fetch, signal }, addresses, sourceReach());
}
