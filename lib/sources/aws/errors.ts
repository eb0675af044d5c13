// AWS SDK errors → SourceError, with a message that says what to do. The SDK has already retried
// throttling and 5xx responses (standard retry mode) by the time an error gets here.
import { SourceError } from "@/lib/sources/source-error";

type SdkError = {
  name?: string;
  message?: string;
  code?: string;
  $fault?: "client" | "server";
  $metadata?: { httpStatusCode?: number; attempts?: number };
};

const AUTH = new Set([
  "ExpiredTokenException", "ExpiredToken", "RequestExpired", "UnrecognizedClientException", "InvalidClientTokenId",
  "InvalidSignatureException", "SignatureDoesNotMatch", "IncompleteSignature", "MissingAuthenticationTokenException",
  "NotAuthorized",
]);
const NO_CREDENTIALS = new Set(["CredentialsProviderError", "TokenProviderError"]);
const THROTTLED = new Set(["ThrottlingException", "Throttling", "TooManyRequestsException", "RequestLimitExceeded", "ProvisionedThroughputExceededException"]);
const UNAVAILABLE = new Set(["InternalServiceError", "InternalFailure", "InternalServiceFailure", "ServiceUnavailable", "TimeoutError", "RequestTimeout", "RequestTimeoutException"]);
const NETWORK_DOWN = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN"]);
const REFRESH = "Refresh the AWS credentials of the Keyledger worker (aws sso login, a new session token, or the instance role) and sync again.";

export type AwsCallSite = { operation: string; region: string };

export function toSourceError(error: unknown, { operation, region }: AwsCallSite): SourceError | Error {
  if (error instanceof SourceError) return error;
  const e = (error ?? {}) as SdkError;
  if (e.name === "AbortError") return error as Error;
  const name = e.name ?? "Error";
  const status = e.$metadata?.httpStatusCode;
  const said = (e.message ?? "").split("\n")[0]?.trim() || name;
  const store = `AWS Secrets Manager (${region})`;
  const action = `secretsmanager:${operation}`;
  const attempts = e.$metadata?.attempts && e.$metadata.attempts > 1 ? ` after ${e.$metadata.attempts} attempts` : "";
  const options = { cause: error };

  if (NO_CREDENTIALS.has(name)) {
    return new SourceError("auth", `No usable AWS credentials for ${store}: ${said}. ${REFRESH}`, options);
  }
  if (AUTH.has(name)) {
    const optIn = name === "UnrecognizedClientException" ? ` If the credentials are fresh, check that ${region} is enabled for the account.` : "";
    return new SourceError("auth", `${store} rejected the credentials (${name}: ${said}). ${REFRESH}${optIn}`, options);
  }
  if (name === "AccessDeniedException" || name === "AccessDenied" || status === 403) {
    return new SourceError("forbidden", `${store} refused ${operation} (${said}). Grant ${action} to the identity Keyledger runs as — see the policy on the source page.`, {
      ...options,
      missingPermission: action,
    });
  }
  if (THROTTLED.has(name) || status === 429) {
    return new SourceError("throttled", `${store} kept throttling ${operation}${attempts} (${said}). The next sync will try again; lower the sync frequency if it persists.`, options);
  }
  if (UNAVAILABLE.has(name) || (status !== undefined && status >= 500) || e.$fault === "server") {
    return new SourceError("unavailable", `${store} is unavailable: ${operation} failed${attempts} with ${status ?? name} (${said}).`, options);
  }
  if (/Deserialization error/.test(e.message ?? "") || name === "SyntaxError") {
    return new SourceError("malformed", `${store} answered ${operation} with a response Keyledger cannot parse (${said}). Nothing was changed.`, options);
  }
  if (e.code === "ENOTFOUND" || name === "EndpointError" || (status === undefined && /\bregion\b/i.test(said))) {
    return new SourceError("config", `Cannot reach Secrets Manager in ${region} (${said}): check the region name and the endpoint in the source's configuration.`, options);
  }
  if (e.code && NETWORK_DOWN.has(e.code)) {
    return new SourceError("unavailable", `${store} could not be reached (${e.code}): ${said}.`, options);
  }
  if (name === "InvalidNextTokenException") {
    return new SourceError("malformed", `${store} rejected its own paging token for ${operation} (${said}). Sync again.`, options);
  }
  if (name === "InvalidParameterException" || name === "InvalidRequestException" || name === "ValidationException") {
    return new SourceError("config", `${store} rejected ${operation} (${name}: ${said}). Check the source's configuration.`, options);
  }
  return new SourceError("unavailable", `${store} failed ${operation} with ${name}${status ? ` (${status})` : ""}: ${said}.`, options);
}
