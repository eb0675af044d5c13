// google-gax errors (gRPC status codes, also on the REST transport) → SourceError.
import { SourceError } from "@/lib/sources/source-error";

const STORE = "GCP Secret Manager";

// gRPC canonical codes (google.rpc.Code).
const Code = { INVALID_ARGUMENT: 3, DEADLINE_EXCEEDED: 4, NOT_FOUND: 5, PERMISSION_DENIED: 7, RESOURCE_EXHAUSTED: 8, INTERNAL: 13, UNAVAILABLE: 14, UNAUTHENTICATED: 16 } as const;

export type GcpCall = { rpc: "ListSecrets" | "ListSecretVersions"; resource: string };

const PERMISSION: Record<GcpCall["rpc"], string> = {
  ListSecrets: "secretmanager.secrets.list",
  ListSecretVersions: "secretmanager.versions.list",
};

type GaxLike = Error & { code?: unknown; httpStatusCode?: number; cause?: unknown };

/** A 200 whose body the REST transport could not decode surfaces as UNAVAILABLE; it is a malformed answer. */
function isUndecodable(error: GaxLike): boolean {
  if (error.httpStatusCode !== undefined) return false;
  const cause = error.cause as { code?: unknown; message?: unknown } | undefined;
  if (cause instanceof SyntaxError) return true;
  return typeof cause?.message === "string" && typeof cause.code !== "string" && /proto3json|null response|malformed/i.test(cause.message);
}

function isMissingCredentials(error: Error): boolean {
  return /could not load the default credentials|no authentication was provided|unable to detect a project id/i.test(error.message);
}

export function toSourceError(error: unknown, call: GcpCall): SourceError {
  if (error instanceof SourceError) return error;
  const e = (error instanceof Error ? error : new Error(String(error))) as GaxLike;
  const where = `${call.rpc} on ${call.resource}`;
  if (isMissingCredentials(e)) {
    return new SourceError("auth", `${STORE}: no Application Default Credentials for the Keyledger worker (${e.message}). Set GOOGLE_APPLICATION_CREDENTIALS or use workload identity.`);
  }
  if (isUndecodable(e)) return new SourceError("malformed", `${STORE} sent a response to ${where} that Keyledger could not read.`);
  switch (e.code) {
    case Code.UNAUTHENTICATED:
      return new SourceError("auth", `${STORE} rejected the credentials for ${where}: ${e.message}. Check the Application Default Credentials are valid and not expired.`, { cause: e });
    case Code.PERMISSION_DENIED: {
      const permission = PERMISSION[call.rpc];
      return new SourceError("forbidden", `${STORE} refused ${where}: ${e.message}. Grant ${permission} (see the policy on the source page).`, { missingPermission: permission, cause: e });
    }
    case Code.NOT_FOUND:
      return new SourceError("not_found", `${STORE} could not find ${call.resource}: ${e.message}. Check the project ids and location in the source's configuration.`, { cause: e });
    case Code.RESOURCE_EXHAUSTED:
      return new SourceError("throttled", `${STORE} is throttling ${where}: ${e.message}.`, { cause: e });
    case Code.UNAVAILABLE:
    case Code.DEADLINE_EXCEEDED:
    case Code.INTERNAL:
      return new SourceError("unavailable", `${STORE} is unavailable for ${where}: ${e.message}.`, { cause: e });
    case Code.INVALID_ARGUMENT:
      return new SourceError("config", `${STORE} rejected ${where} as invalid: ${e.message}.`, { cause: e });
    default:
      return typeof e.code === "number"
        ? new SourceError("unavailable", `${STORE} failed ${where}: ${e.message}.`, { cause: e })
        : new SourceError("malformed", `${STORE} call ${where} failed: ${e.message}.`, { cause: e });
  }
}
