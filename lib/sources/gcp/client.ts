import { SecretManagerServiceClient } from "@google-cloud/secret-manager";
import { parentFor, resolveEndpoint, type GcpSecretManagerConfig } from "@/lib/sources/gcp/config";
import { toSourceError } from "@/lib/sources/gcp/errors";

export type GcpClientOptions = NonNullable<ConstructorParameters<typeof SecretManagerServiceClient>[0]>;

/**
 * The official client on its REST transport (HTTP/1.1 + JSON): it works through ordinary proxies,
 * needs no gRPC channel, and speaks the wire format the documented REST reference describes.
 * Auth is Application Default Credentials unless `overrides` supply an auth client.
 */
export function createSecretManagerClient(config: GcpSecretManagerConfig, overrides: Partial<GcpClientOptions> = {}): SecretManagerServiceClient {
  const endpoint = resolveEndpoint(config);
  return new SecretManagerServiceClient({ fallback: true, apiEndpoint: endpoint.host, port: endpoint.port, protocol: endpoint.protocol, ...overrides });
}

/**
 * A ready client. Initialising up front matters: when credentials are missing, every RPC method
 * re-throws the initialisation error from a detached promise (an unhandled rejection that would
 * take the worker down), so no RPC is made until initialisation has succeeded.
 */
export async function openSecretManagerClient(config: GcpSecretManagerConfig, overrides: Partial<GcpClientOptions> = {}): Promise<SecretManagerServiceClient> {
  const client = createSecretManagerClient(config, overrides);
  try {
    await client.initialize();
    return client;
  } catch (error) {
    await closeQuietly(client);
    throw toSourceError(error, { rpc: "ListSecrets", resource: parentFor(config, config.projects[0] ?? "") });
  }
}

/** Closing a client whose initialisation failed rejects with that same error; it has been reported already. */
export async function closeQuietly(client: SecretManagerServiceClient): Promise<void> {
  await client.close().catch(() => undefined);
}
