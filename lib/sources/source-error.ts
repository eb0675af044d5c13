// What went wrong talking to a store, in words a user can act on. Connectors translate SDK and
// HTTP errors into these; sync keeps the last good data and shows `message` on the source.
export type SourceErrorCode = "config" | "auth" | "forbidden" | "not_found" | "throttled" | "unavailable" | "malformed" | "unsupported";

export class SourceError extends Error {
  readonly code: SourceErrorCode;
  /** The permission to grant, for a 403 ("secretsmanager:ListSecrets"). */
  readonly missingPermission?: string;
  /** How long the store asked to wait before a retry (Retry-After, a rate-limit reset). */
  retryAfterMs?: number;

  constructor(code: SourceErrorCode, message: string, options: { missingPermission?: string; retryAfterMs?: number; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = "SourceError";
    this.code = code;
    this.missingPermission = options.missingPermission;
    this.retryAfterMs = options.retryAfterMs;
  }

  get retryable(): boolean {
    return this.code === "throttled" || this.code === "unavailable";
  }
}

/** Maps an HTTP status from a store's API to a SourceError with an actionable message. */
export function sourceErrorFromStatus(store: string, status: number, detail: string, missingPermission?: string): SourceError {
  if (status === 401) return new SourceError("auth", `${store} rejected the credentials (401): ${detail}. Check they are set and not expired.`);
  if (status === 403) {
    const grant = missingPermission ? ` Grant ${missingPermission} (see the policy on the source page).` : " Grant the policy shown on the source page.";
    return new SourceError("forbidden", `${store} refused the request (403): ${detail}.${grant}`, { missingPermission });
  }
  if (status === 404) return new SourceError("not_found", `${store} answered 404: ${detail}. Check the address and names in the source's configuration.`);
  if (status === 429) return new SourceError("throttled", `${store} is throttling requests (429): ${detail}.`);
  if (status >= 500) return new SourceError("unavailable", `${store} is unavailable (${status}): ${detail}.`);
  return new SourceError("malformed", `${store} answered ${status}: ${detail}.`);
}
