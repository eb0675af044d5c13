// The Vault token for one sync: read from the environment or a file, or obtained by an AppRole
// or Kubernetes login. Login inputs are read at sync time and never stored or logged.
import { requestJson, type HttpFailure } from "@/lib/sources/http-json";
import { readCredential } from "@/lib/sources/credentials";
import { SourceError } from "@/lib/sources/source-error";
import type { ConnectorContext } from "@/lib/sources/types";
import { VAULT_SLOTS, type VaultConfig } from "@/lib/sources/vault/config";
import { loginResponse } from "@/lib/sources/vault/responses";

async function login(ctx: ConnectorContext<VaultConfig>, headers: Record<string, string>, mount: string, body: Record<string, string>, what: string): Promise<string> {
  const { config } = ctx;
  const response = await requestJson({
    store: "Vault",
    fetch: ctx.fetch,
    signal: ctx.signal,
    url: `${config.address}/v1/auth/${mount}/login`,
    method: "POST",
    headers,
    body,
    schema: loginResponse,
    describeError: (failure: HttpFailure) => {
      if (failure.status === 503 && failure.detail.toLowerCase().includes("sealed")) {
        return { error: new SourceError("unavailable", "Vault is sealed: it answers nothing until an operator unseals it."), retry: false };
      }
      // Vault answers a wrong role or secret id with 400, a refused service account with 403.
      if (failure.status === 400 || failure.status === 401 || failure.status === 403) {
        return { error: new SourceError("auth", `Vault refused the ${what} login at auth/${mount} (${failure.status}: ${failure.detail}). Check the credentials and that the role exists.`) };
      }
      return undefined;
    },
  });
  if (!response.body) throw new SourceError("malformed", `Vault answered the ${what} login with no token.`);
  return response.body.auth.client_token;
}

export async function resolveVaultToken(ctx: ConnectorContext<VaultConfig>, headers: Record<string, string>): Promise<string> {
  const { config } = ctx;
  if (config.auth === "approle") {
    const [roleId, secretId] = await Promise.all([readCredential(config, VAULT_SLOTS.roleId), readCredential(config, VAULT_SLOTS.secretId)]);
    return login(ctx, headers, config.approleMount, { role_id: roleId, secret_id: secretId }, "AppRole");
  }
  if (config.auth === "kubernetes") {
    const jwt = await readCredential(config, VAULT_SLOTS.jwt);
    return login(ctx, headers, config.k8sMount, { role: config.role ?? "", jwt }, "Kubernetes");
  }
  return readCredential(config, VAULT_SLOTS.token);
}
