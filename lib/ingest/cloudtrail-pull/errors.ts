// CloudTrail SDK errors → SourceError, with what to do about them. By the time an error gets here
// the SDK has retried throttling and 5xx responses (standard retry mode).
import { SourceError } from "@/lib/sources/source-error";

type SdkError = { name?: string; message?: string; code?: string; $fault?: "client" | "server"; $metadata?: { httpStatusCode?: number; attempts?: number } };

export const LOOKUP_PERMISSION = "cloudtrail:LookupEvents";

const AUTH = new Set([
  "ExpiredTokenException", "ExpiredToken", "RequestExpired", "UnrecognizedClientException", "InvalidClientTokenId",
  "InvalidSignatureException", "SignatureDoesNotMatch", "IncompleteSignature", "MissingAuthenticationTokenException",
  "CredentialsProviderError", "TokenProviderError",
]);
const FORBIDDEN = new Set(["AccessDeniedException", "AccessDenied", "NotAuthorized", "OperationNotPermittedException"]);
const THROTTLED = new Set(["ThrottlingException", "Throttling", "TooManyRequestsException", "RequestLimitExceeded"]);
const CONFIG = new Set(["InvalidTimeRangeException", "InvalidLookupAttributesException", "InvalidMaxResultsException", "InvalidEventCategoryException", "UnsupportedOperationException", "ValidationException"]);
const NETWORK = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN"]);
const REFRESH = "Refresh the AWS credentials of the Keyledger worker (aws sso login, a new session token, or the instance role).";

export function cloudTrailError(error: unknown, region: string): SourceError | Error {
  if (error instanceof SourceError) return error;
  const e = (error ?? {}) as SdkError;
  if (e.name === "AbortError") return error as Error;
  const name = e.name ?? "Error";
  const status = e.$metadata?.httpStatusCode;
  const said = (e.message ?? "").split("\n")[0]?.trim() || name;
  const store = `AWS CloudTrail (${region})`;
  const attempts = e.$metadata?.attempts && e.$metadata.attempts > 1 ? ` after ${e.$metadata.attempts} attempts` : "";
  const cause = { cause: error };

  if (AUTH.has(name)) return new SourceError("auth", `${store} rejected the credentials (${name}: ${said}). ${REFRESH}`, cause);
  if (FORBIDDEN.has(name) || status === 403) {
    return new SourceError("forbidden", `${store} refused LookupEvents (${said}). Grant ${LOOKUP_PERMISSION} to the identity Keyledger runs as — see the policy on the source page.`, {
      ...cause,
      missingPermission: LOOKUP_PERMISSION,
    });
  }
  if (THROTTLED.has(name) || status === 429) return new SourceError("throttled", `${store} kept throttling LookupEvents${attempts} (${said}). The next pull will try again.`, cause);
  if (name === "InvalidNextTokenException") return new SourceError("malformed", `${store} rejected its own paging token (${said}). The next pull starts over from the cursor.`, cause);
  if (CONFIG.has(name)) return new SourceError("config", `${store} rejected LookupEvents (${name}: ${said}).`, cause);
  if (e.code === "ENOTFOUND" || name === "EndpointError") return new SourceError("config", `Cannot reach CloudTrail in ${region} (${said}): check the region and the endpoint in the source's configuration.`, cause);
  if (e.code && NETWORK.has(e.code)) return new SourceError("unavailable", `${store} could not be reached (${e.code}): ${said}.`, cause);
  if (/Deserialization error/.test(e.message ?? "") || name === "SyntaxError") return new SourceError("malformed", `${store} answered LookupEvents with a response Keyledger cannot parse (${said}).`, cause);
  return new SourceError("unavailable", `${store} failed LookupEvents with ${name}${status ? ` (${status})` : ""}${attempts}: ${said}.`, cause);
}
