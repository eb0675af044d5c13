// AWS SDK errors → SourceError, with a message that says what to do — one mapping for every AWS
// call Keyledger makes: Secrets Manager (the sync) and CloudTrail (the access-log pull). The SDK has
// already retried throttling and 5xx responses (standard retry mode) by the time an error gets here.
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
]);
const NO_CREDENTIALS = new Set(["CredentialsProviderError", "TokenProviderError"]);
const FORBIDDEN = new Set(["AccessDeniedException", "AccessDenied", "NotAuthorized", "OperationNotPermittedException"]);
const THROTTLED = new Set(["ThrottlingException", "Throttling", "TooManyRequestsException", "RequestLimitExceeded", "ProvisionedThroughputExceededException"]);
const UNAVAILABLE = new Set(["InternalServiceError", "InternalFailure", "InternalServiceFailure", "ServiceUnavailable", "TimeoutError", "RequestTimeout", "RequestTimeoutException"]);
const NETWORK_DOWN = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN"]);
const INVALID_REQUEST = new Set([
  "InvalidParameterException", "InvalidRequestException", "ValidationException", "UnsupportedOperationException",
  "InvalidTimeRangeException", "InvalidLookupAttributesException", "InvalidMaxResultsException", "InvalidEventCategoryException",
]);
const REFRESH = "Refresh the AWS credentials of the Keyledger worker (aws sso login, a new session token, or the instance role)";

/** What differs between the services: their name, and what happens next after a failure. */
const SERVICES = {
  secretsmanager: {
    name: "Secrets Manager",
    refresh: `${REFRESH} and sync again.`,
    throttled: "The next sync will try again; lower the sync frequency if it persists.",
    paging: "Sync again.",
    unchanged: " Nothing was changed.",
  },
  cloudtrail: {
    name: "CloudTrail",
    refresh: `${REFRESH}.`,
    throttled: "The next pull will try again.",
    paging: "The next pull starts over from the cursor.",
    unchanged: "",
  },
} as const;

export type AwsCallSite = { service: keyof typeof SERVICES; operation: string; region: string };

export function toSourceError(error: unknown, { service, operation, region }: AwsCallSite): SourceError | Error {
  if (error instanceof SourceError) return error;
  const e = (error ?? {}) as SdkError;
  if (e.name === "AbortError") return error as Error;
  const words = SERVICES[service];
  const name = e.name ?? "Error";
  const status = e.$metadata?.httpStatusCode;
  const said = (e.message ?? "").split("\n")[0]?.trim() || name;
  const store = `AWS ${words.name} (${region})`;
  const action = `${service}:${operation}`;
  const attempts = e.$metadata?.attempts && e.$metadata.attempts > 1 ? ` after ${e.$metadata.attempts} attempts` : "";
  const options = { cause: error };

  if (NO_CREDENTIALS.has(name)) {
    return new SourceError("auth", `No usable AWS credentials for ${store}: ${said}. ${words.refresh}`, options);
  }
  if (AUTH.has(name)) {
    const optIn = name === "UnrecognizedClientException" ? ` If the credentials are fresh, check that ${region} is enabled for the account.` : "";
    return new SourceError("auth", `${store} rejected the credentials (${name}: ${said}). ${words.refresh}${optIn}`, options);
  }
  if (FORBIDDEN.has(name) || status === 403) {
    return new SourceError("forbidden", `${store} refused ${operation} (${said}). Grant ${action} to the identity Keyledger runs as — see the policy on the source page.`, {
      ...options,
      missingPermission: action,
    });
  }
  if (THROTTLED.has(name) || status === 429) {
    return new SourceError("throttled", `${store} kept throttling ${operation}${attempts} (${said}). ${words.throttled}`, options);
  }
  if (UNAVAILABLE.has(name) || (status !== undefined && status >= 500) || e.$fault === "server") {
    return new SourceError("unavailable", `${store} is unavailable: ${operation} failed${attempts} with ${status ?? name} (${said}).`, options);
  }
  if (/Deserialization error/.test(e.message ?? "") || name === "SyntaxError") {
    return new SourceError("malformed", `${store} answered ${operation} with a response Keyledger cannot parse (${said}).${words.unchanged}`, options);
  }
  if (e.code === "ENOTFOUND" || name === "EndpointError" || (status === undefined && /\bregion\b/i.test(said))) {
    return new SourceError("config", `Cannot reach ${words.name} in ${region} (${said}): check the region name and the endpoint in the source's configuration.`, options);
  }
  if (e.code && NETWORK_DOWN.has(e.code)) {
    return new SourceError("unavailable", `${store} could not be reached (${e.code}): ${said}.`, options);
  }
  if (name === "InvalidNextTokenException") {
    return new SourceError("malformed", `${store} rejected its own paging token for ${operation} (${said}). ${words.paging}`, options);
  }
  if (INVALID_REQUEST.has(name)) {
    return new SourceError("config", `${store} rejected ${operation} (${name}: ${said}). Check the source's configuration.`, options);
  }
  return new SourceError("unavailable", `${store} failed ${operation} with ${name}${status ? ` (${status})` : ""}${attempts}: ${said}.`, options);
}
