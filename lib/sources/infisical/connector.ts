// Infisical connector: secret keys and metadata of one project's environments, listed with
// viewSecretValue=false. Before any list call it confirms, from the server's own OpenAPI document,
// that the server honours that flag; a server that cannot list without values is refused.
import { readCredential } from "@/lib/sources/credentials";
import type { Connector, ConnectorContext } from "@/lib/sources/types";
import type { MetadataListing } from "@/lib/sources/infisical/capability";
import { createInfisicalClient } from "@/lib/sources/infisical/client";
import { INFISICAL_CREDENTIALS, infisicalConfigSchema, type InfisicalConfig, type InfisicalSecret } from "@/lib/sources/infisical/config";
import { mapSecret } from "@/lib/sources/infisical/map-secret";
import { infisicalPolicy } from "@/lib/sources/infisical/policy";

/** Personal overrides belong to one user, not the project; only shared secrets are inventoried. */
const isShared = (s: InfisicalSecret) => !s.type || s.type === "shared";

type Session = { client: ReturnType<typeof createInfisicalClient>; listing: MetadataListing; token: string };

async function connect(ctx: ConnectorContext<InfisicalConfig>): Promise<Session> {
  const { config } = ctx;
  const client = createInfisicalClient(ctx);
  // Capability first: an unsupported server is refused before credentials are even used.
  const listing = await client.metadataListing();
  const [clientId, clientSecret] = await Promise.all(INFISICAL_CREDENTIALS.map((slot) => readCredential(config, slot)));
  const token = await client.login(clientId!, clientSecret!);
  return { client, listing, token };
}

export const infisicalConnector: Connector<InfisicalConfig> = {
  kind: "infisical",
  label: "Infisical",
  provides: ["externalId", "name", "description", "environment", "tier", "createdAt", "updatedAt", "lastRotatedAt", "versionCount", "tags", "owners", "consumers"],
  configSchema: infisicalConfigSchema,
  policy: infisicalPolicy,
  credentials: () => INFISICAL_CREDENTIALS,

  async testConnection(ctx) {
    const { client, listing, token } = await connect(ctx);
    const first = ctx.config.environments[0] ?? "";
    const secrets = (await client.listSecretsMetadata(listing, token, first, false)).filter(isShared);
    return {
      detail: `Infisical at ${new URL(ctx.config.siteUrl).host} lists without values (GET ${listing.path}?viewSecretValue=false); ${secrets.length} secret(s) in ${first} at ${ctx.config.secretPath}.`,
    };
  },

  async *listSecrets(ctx) {
    const { config, tagKeys } = ctx;
    const { client, listing, token } = await connect(ctx);
    const host = new URL(config.siteUrl).host;
    for (const environment of config.environments) {
      const secrets = (await client.listSecretsMetadata(listing, token, environment, config.recursive)).filter(isShared);
      const mapped = secrets.map((s) => mapSecret(s, { projectId: config.projectId, environment, defaultPath: config.secretPath, host, tagKeys }));
      yield* mapped.sort((a, b) => a.externalId.localeCompare(b.externalId));
    }
  },
};
