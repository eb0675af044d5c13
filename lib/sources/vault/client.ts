// A metadata-only Vault client: it can LIST and READ `<mount>/metadata/…`, log in, and look up
// its own token. There is deliberately no way to build a `<mount>/data/…` URL here.
import type { z } from "zod";
import { requestJson, type ErrorReading, type HttpFailure } from "@/lib/sources/http-json";
import { SourceError, sourceErrorFromStatus } from "@/lib/sources/source-error";
import type { ConnectorContext } from "@/lib/sources/types";
import { resolveVaultToken } from "@/lib/sources/vault/auth";
import type { VaultConfig } from "@/lib/sources/vault/config";
import { listResponse, lookupSelfResponse, metadataResponse, type VaultSecretMetadata } from "@/lib/sources/vault/responses";

export type TokenInfo = z.output<typeof lookupSelfResponse>["data"];

export type VaultClient = {
  /** Keys in a folder of the mount ("" = root); sub-folders end with "/". An empty folder is []. */
  list: (folder: string) => Promise<string[]>;
  /** A secret's metadata, or null when it vanished between LIST and READ. */
  readMetadata: (path: string) => Promise<VaultSecretMetadata | null>;
  /** The token's own policies and expiry, or null when the token may not look itself up. */
  lookupSelf: () => Promise<TokenInfo | null>;
};

const STORE = "Vault";
/** Vault's answer to an empty LIST, or a READ of a path that is gone: 404 with no errors. */
function emptyNotFound(failure: HttpFailure): boolean {
  const errors = (failure.body as { errors?: unknown } | null | undefined)?.errors;
  return failure.status === 404 && Array.isArray(errors) && errors.length === 0;
}
const encodePath = (path: string) => path.split("/").map(encodeURIComponent).join("/");

export function metadataGrant(config: VaultConfig): string {
  return `list,read on ${config.mount}/metadata/${config.pathPrefix ? `${config.pathPrefix}/` : ""}*`;
}

/** Vault's own words for states worth a precise message; everything else maps by status. */
export function readVaultError(failure: HttpFailure): ErrorReading | undefined {
  const detail = failure.detail.toLowerCase();
  if (failure.status === 503 && detail.includes("sealed")) {
    return { error: new SourceError("unavailable", "Vault is sealed: it answers nothing until an operator unseals it. Keyledger keeps the last good data."), retry: false };
  }
  if ((failure.status === 403 || failure.status === 401) && /invalid token|bad token|token expired|token is expired/.test(detail)) {
    return { error: new SourceError("auth", `Vault rejected the token (${failure.status}: ${failure.detail}). It is invalid, expired or revoked — issue a new one.`) };
  }
  if (failure.status === 412) return { error: new SourceError("unavailable", `Vault is not consistent yet (412: ${failure.detail}).`) };
  return undefined;
}

export async function connectVault(ctx: ConnectorContext<VaultConfig>): Promise<VaultClient> {
  const { config } = ctx;
  const baseHeaders: Record<string, string> = config.namespace ? { "x-vault-namespace": config.namespace } : {};
  const token = await resolveVaultToken(ctx, baseHeaders);
  const headers = { ...baseHeaders, "x-vault-token": token };
  const grant = metadataGrant(config);

  let lookup: Promise<TokenInfo | null> | undefined;
  const lookupSelf = () =>
    (lookup ??= requestJson({
      store: STORE, fetch: ctx.fetch, signal: ctx.signal, headers,
      url: `${config.address}/v1/auth/token/lookup-self`,
      schema: lookupSelfResponse,
      describeError: readVaultError,
    }).then(
      (response) => response.body?.data ?? null,
      (error: unknown) => {
        if (error instanceof SourceError && error.code === "forbidden") return null;
        throw error;
      },
    ));

  // A bare "permission denied" means either a dead token or a missing policy: ask Vault which.
  const explainForbidden = async (error: unknown): Promise<never> => {
    if (!(error instanceof SourceError) || error.code !== "forbidden") throw error;
    if ((await lookupSelf()) === null) {
      throw new SourceError("auth", "Vault refused the token, even to look itself up (403 permission denied): it is invalid, expired or revoked, or lacks Vault's default policy — issue a new one.");
    }
    throw error;
  };

  const forbiddenAt = (operation: string) => (failure: HttpFailure): ErrorReading | undefined =>
    readVaultError(failure) ??
    (failure.status === 403 ? { error: sourceErrorFromStatus(STORE, 403, `${failure.detail} on ${operation}`, grant) } : undefined);

  return {
    lookupSelf,
    list: async (folder) => {
      const path = `${config.mount}/metadata/${folder ? `${encodePath(folder)}/` : ""}`;
      const response = await requestJson({
        store: STORE, fetch: ctx.fetch, signal: ctx.signal, headers,
        url: `${config.address}/v1/${path}?list=true`,
        schema: listResponse,
        allow: emptyNotFound,
        describeError: forbiddenAt(`LIST ${path}`),
      }).catch(explainForbidden);
      return response.body?.data.keys ?? [];
    },
    readMetadata: async (secretPath) => {
      const path = `${config.mount}/metadata/${encodePath(secretPath)}`;
      const response = await requestJson({
        store: STORE, fetch: ctx.fetch, signal: ctx.signal, headers,
        url: `${config.address}/v1/${path}`,
        schema: metadataResponse,
        allow: emptyNotFound,
        describeError: forbiddenAt(`READ ${path}`),
      }).catch(explainForbidden);
      return response.body?.data ?? null;
    },
  };
}
