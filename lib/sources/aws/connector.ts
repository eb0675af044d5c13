// AWS Secrets Manager: metadata of every secret in every configured region, read with
// ListSecrets (and ListSecretVersionIds for the rare entry without versions). Never
// GetSecretValue or BatchGetSecretValue: Keyledger does not read values (docs/architecture.md, rule 1).
import { SecretsManagerClient, type SecretsManagerClientConfig } from "@aws-sdk/client-secrets-manager";
import { type AwsConfig, awsConfigSchema } from "@/lib/sources/aws/config";
import { createLimiter, mergeAsync } from "@/lib/sources/concurrency";
import { listRegion, listSecretsPage } from "@/lib/sources/aws/list-region";
import { awsPolicy } from "@/lib/sources/aws/policy";
import type { Connector, ConnectorContext, SecretMetadata } from "@/lib/sources/types";

export type { AwsConfig } from "@/lib/sources/aws/config";

export type AwsConnectorOptions = {
  /** Where credentials come from; the SDK's default chain (env, profile, SSO, IMDS/ECS) when absent. */
  credentials?: SecretsManagerClientConfig["credentials"];
  /** Attempts per call, first included. The SDK's standard mode backs off with jitter between them. */
  maxAttempts?: number;
  /** Per-secret calls in flight at once, across all regions. */
  concurrency?: number;
};

const DEFAULT_MAX_ATTEMPTS = 5;
const DEFAULT_CONCURRENCY = 8;

export function createAwsSecretsManagerConnector(options: AwsConnectorOptions = {}): Connector<AwsConfig> {
  const clientFor = (config: AwsConfig, region: string) =>
    new SecretsManagerClient({
      region,
      endpoint: config.endpoint,
      credentials: options.credentials,
      maxAttempts: options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      retryMode: "standard",
      requestHandler: { connectionTimeout: 5_000, requestTimeout: 30_000 },
    });

  return {
    kind: "aws_secrets_manager",
    label: "AWS Secrets Manager",
    provides: [
      "externalId", "name", "description", "environment", "kind", "provider", "tier", "privilege", "lifetime",
      "createdAt", "updatedAt", "lastRotatedAt", "lastAccessedAt", "nextRotationAt", "versionCount", "tags", "owners", "consumers", "place",
    ],
    configSchema: awsConfigSchema,
    policy: awsPolicy,

    async testConnection({ config, signal }: ConnectorContext<AwsConfig>) {
      const clients = config.regions.map((region) => ({ region, client: clientFor(config, region) }));
      try {
        await Promise.all(clients.map(({ region, client }) => listSecretsPage({ client, region, signal }, undefined, 1)));
        return { detail: `Listed secrets in ${config.regions.join(", ")}` };
      } finally {
        for (const { client } of clients) client.destroy();
      }
    },

    async *listSecrets({ config, tagKeys, signal }: ConnectorContext<AwsConfig>): AsyncGenerator<SecretMetadata> {
      const clients = config.regions.map((region) => ({ region, client: clientFor(config, region) }));
      const limit = createLimiter(options.concurrency ?? DEFAULT_CONCURRENCY);
      try {
        yield* mergeAsync(clients.map(({ region, client }) => listRegion({ client, region, signal }, { config, tagKeys, limit })));
      } finally {
        for (const { client } of clients) client.destroy();
      }
    },
  };
}

export const awsSecretsManagerConnector = createAwsSecretsManagerConnector();
