// Azure SDK errors (RestError, @azure/identity credential errors) → SourceError.
import { SourceError } from "@/lib/sources/source-error";

const STORE = "Azure Key Vault";
export const READ_METADATA_ACTION = "Microsoft.KeyVault/vaults/secrets/readMetadata/action";

export type AzureCall = { operation: "GetSecrets" | "GetSecretVersions"; resource: string };

type RestErrorLike = Error & { statusCode?: number; code?: string };

const CREDENTIAL_ERRORS = new Set(["CredentialUnavailableError", "AuthenticationError", "AggregateAuthenticationError", "AuthenticationRequiredError"]);

export function toSourceError(error: unknown, call: AzureCall): SourceError {
  if (error instanceof SourceError) return error;
  const e = (error instanceof Error ? error : new Error(String(error))) as RestErrorLike;
  const where = `${call.operation} on ${call.resource}`;
  if (CREDENTIAL_ERRORS.has(e.name)) {
    return new SourceError("auth", `${STORE}: the Keyledger worker could not get a token (${e.name}: ${e.message}). Check its managed identity, workload identity or AZURE_* service principal settings.`, { cause: e });
  }
  if (/challenge/i.test(e.message)) {
    return new SourceError("config", `${STORE}: the service at ${call.resource} did not prove it is a Key Vault (${e.message}). Check the vault URL.`, { cause: e });
  }
  // The paging helpers throw TypeError on a body without the documented shape.
  if (e instanceof TypeError || e.code === "PARSE_ERROR") return new SourceError("malformed", `${STORE} sent a response to ${where} that Keyledger could not read.`);
  const status = e.statusCode;
  if (status === 401) return new SourceError("auth", `${STORE} rejected the token for ${where} (401 ${e.code ?? ""}). Check the identity belongs to the vault's tenant and its credentials have not expired.`, { cause: e });
  if (status === 403) {
    return new SourceError(
      "forbidden",
      `${STORE} refused ${where} (403 ${e.code ?? ""}). Grant ${READ_METADATA_ACTION} on the vault (Azure RBAC), or the "List" secret permission in its access policy — never "Get" (see the policy on the source page).`,
      { missingPermission: READ_METADATA_ACTION, cause: e },
    );
  }
  if (status === 404) return new SourceError("not_found", `${STORE} answered 404 for ${where}. Check the vault URL in the source's configuration.`, { cause: e });
  if (status === 429) return new SourceError("throttled", `${STORE} is throttling ${where} (429).`, { cause: e });
  if (status !== undefined && status >= 500) return new SourceError("unavailable", `${STORE} is unavailable for ${where} (${status}).`, { cause: e });
  if (status === undefined && /ECONNREFUSED|ENOTFOUND|ETIMEDOUT|ECONNRESET|socket/i.test(`${e.code ?? ""} ${e.message}`)) {
    return new SourceError("unavailable", `${STORE} could not be reached for ${where}: ${e.message}.`, { cause: e });
  }
  return new SourceError("malformed", `${STORE} failed ${where}: ${e.message}.`, { cause: e });
}
