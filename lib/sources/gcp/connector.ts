// GCP Secret Manager, metadata only: ListSecrets + ListSecretVersions through the official client.
// AccessSecretVersion (the only RPC that returns a payload) is never called.
import { mapBounded } from "@/lib/sources/concurrency";
import type { SecretManagerServiceClient } from "@google-cloud/secret-manager";
import { closeQuietly, openSecretManagerClient, type GcpClientOptions } from "@/lib/sources/gcp/client";
import { gcpSecretManagerConfigSchema, parentFor, type GcpSecretManagerConfig } from "@/lib/sources/gcp/config";
import { toSourceError, type GcpCall } from "@/lib/sources/gcp/errors";
import { mapSecret } from "@/lib/sources/gcp/map-secret";
import { gcpPolicy } from "@/lib/sources/gcp/policy";
import { withRetry, type RetryOptions } from "@/lib/sources/retry";
import type { Connector, ConnectorContext, SecretMetadata } from "@/lib/sources/types";

export type GcpConnectorOptions = {
  /** Client overrides, e.g. an auth client for tests; production uses Application Default Credentials. */
  clientOptions?: Partial<GcpClientOptions>;
  retry?: RetryOptions;
  pageSize?: number;
  /** How many secrets' versions are listed at once. */
  concurrency?: number;
};

type Ctx = ConnectorContext<GcpSecretManagerConfig>;
type Client = SecretManagerServiceClient;

function placeOf(config: GcpSecretManagerConfig, project: string): string {
  return `GCP Secret Manager ${project}${config.location ? ` (${config.location})` : ""}`;
}

export function createGcpSecretManagerConnector(options: GcpConnectorOptions = {}): Connector<GcpSecretManagerConfig> {
  const pageSize = options.pageSize ?? 250;
  const concurrency = options.concurrency ?? 8;

  const call = <T>(target: GcpCall, work: () => Promise<T>): Promise<T> =>
    withRetry(async () => {
      try {
        return await work();
      } catch (error) {
        throw toSourceError(error, target);
      }
    }, options.retry);

  async function listVersions(client: Client, secretName: string) {
    const versions = [];
    let pageToken: string | undefined;
    do {
      const request = { parent: secretName, pageSize, pageToken };
      const [page, next] = await call({ rpc: "ListSecretVersions", resource: secretName }, () => client.listSecretVersions(request, { autoPaginate: false }));
      versions.push(...page);
      pageToken = next?.pageToken || undefined;
    } while (pageToken);
    return versions;
  }

  async function* listProject(client: Client, ctx: Ctx, project: string): AsyncGenerator<SecretMetadata> {
    const parent = parentFor(ctx.config, project);
    const place = placeOf(ctx.config, project);
    let pageToken: string | undefined;
    do {
      ctx.signal?.throwIfAborted();
      const request = { parent, pageSize, pageToken };
      const [secrets, next] = await call({ rpc: "ListSecrets", resource: parent }, () => client.listSecrets(request, { autoPaginate: false }));
      yield* mapBounded(secrets, concurrency, async (secret) =>
        mapSecret({ secret, versions: secret.name ? await listVersions(client, secret.name) : [], place, tagKeys: ctx.tagKeys }),
      );
      pageToken = next?.pageToken || undefined;
    } while (pageToken);
  }

  return {
    kind: "gcp_secret_manager",
    label: "GCP Secret Manager",
    provides: ["externalId", "name", "environment", "tier", "lifetime", "createdAt", "lastRotatedAt", "nextRotationAt", "versionCount", "tags", "owners", "consumers", "place"],
    configSchema: gcpSecretManagerConfigSchema,
    policy: gcpPolicy,

    async testConnection(ctx) {
      const client = await openSecretManagerClient(ctx.config, options.clientOptions);
      try {
        const seen: string[] = [];
        for (const project of ctx.config.projects) {
          const parent = parentFor(ctx.config, project);
          const [, , response] = await call({ rpc: "ListSecrets", resource: parent }, () => client.listSecrets({ parent, pageSize: 1 }, { autoPaginate: false }));
          const total = Number(response?.totalSize ?? 0);
          seen.push(total > 0 ? `${project} (${total} secrets)` : project);
        }
        return { detail: `Listed secret metadata in ${seen.join(", ")}${ctx.config.location ? ` at ${ctx.config.location}` : ""}.` };
      } finally {
        await closeQuietly(client);
      }
    },

    async *listSecrets(ctx) {
      const client = await openSecretManagerClient(ctx.config, options.clientOptions);
      try {
        for (const project of ctx.config.projects) yield* listProject(client, ctx, project);
      } finally {
        await closeQuietly(client);
      }
    },
  };
}

export const gcpSecretManagerConnector = createGcpSecretManagerConnector();
