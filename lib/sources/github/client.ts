// A read-only GitHub REST client for Actions secret metadata: the documented headers, Link-header
// pagination at 100 per page, and GitHub's rate limits (403/429 with x-ratelimit-remaining: 0 →
// wait for x-ratelimit-reset; a secondary limit → Retry-After or a minute), capped. Requests are
// serial, as GitHub asks of integrations, which also keeps clear of secondary limits.
import type { z } from "zod";
import { readCredential } from "@/lib/sources/credentials";
import { requestJson, type ErrorReading, type HttpFailure } from "@/lib/sources/http-json";
import { parseRetryAfter } from "@/lib/sources/retry";
import { SourceError, sourceErrorFromStatus } from "@/lib/sources/source-error";
import type { ConnectorContext } from "@/lib/sources/types";
import { GITHUB_TOKEN, type GitHubConfig } from "@/lib/sources/github/config";

export const GITHUB_API_VERSION = "2022-11-28";
/** Longer than this and the sync fails as throttled instead of holding a worker. */
export const MAX_RATE_LIMIT_WAIT_MS = 90_000;
const SECONDARY_LIMIT_WAIT_MS = 60_000;
const MAX_PAGES = 10_000;

export type PageRequest<P, T> = {
  path: string;
  schema: z.ZodType<P>;
  items: (page: P) => T[];
  /** The permission that opens this endpoint, named in a 403. */
  permission: string;
  /** Items per page; GitHub's maximum, 100, unless a probe wants fewer. */
  perPage?: number;
  /** Failures that mean "nothing here" (an empty generator) rather than an error. */
  allowNotFound?: boolean;
};

export type GitHubClient = { paginate: <P, T>(request: PageRequest<P, T>) => AsyncGenerator<T> };

function rateLimitWait(failure: HttpFailure, now: number): number | undefined {
  const { status, headers, detail } = failure;
  if (status !== 403 && status !== 429) return undefined;
  const reset = Number(headers.get("x-ratelimit-reset"));
  if (headers.get("x-ratelimit-remaining") === "0" && Number.isFinite(reset) && reset > 0) return Math.max(0, reset * 1000 - now) + 250;
  const after = parseRetryAfter(headers.get("retry-after"), now);
  if (after !== undefined) return after;
  return status === 429 || /secondary rate limit/i.test(detail) ? SECONDARY_LIMIT_WAIT_MS : undefined;
}

export function readGitHubError(failure: HttpFailure, where: string, permission: string, now = Date.now()): ErrorReading | undefined {
  const wait = rateLimitWait(failure, now);
  if (wait !== undefined) {
    const error = new SourceError("throttled", `GitHub rate limit reached (${failure.status}: ${failure.detail}) on ${where}.`);
    if (wait <= MAX_RATE_LIMIT_WAIT_MS) return { error, retryAfterMs: wait };
    const at = new Date(now + wait).toISOString();
    return { error: new SourceError("throttled", `GitHub rate limit reached on ${where}; it resets at ${at}. The next sync will continue.`), retry: false };
  }
  if (failure.status === 403) {
    const accepted = failure.headers.get("x-accepted-github-permissions");
    const detail = `${failure.detail} on ${where}${accepted ? ` (GitHub accepts: ${accepted})` : ""}`;
    return { error: sourceErrorFromStatus("GitHub", 403, detail, permission) };
  }
  if (failure.status === 401) {
    return { error: new SourceError("auth", `GitHub rejected the token (401: ${failure.detail}). Check it is set, not expired and authorized for the organization's SSO.`) };
  }
  return undefined;
}

/** The rel="next" URL of a Link header, if it stays on the API's origin (the token goes with it). */
export function nextLink(link: string | null, origin: string): string | undefined {
  const match = link?.split(",").find((part) => /;\s*rel="?next"?/.test(part))?.match(/<([^>]+)>/);
  if (!match?.[1]) return undefined;
  const next = new URL(match[1]);
  if (next.origin !== origin) throw new SourceError("malformed", `GitHub pointed the next page to another host (${next.origin}); refusing to send the token there.`);
  return next.toString();
}

export async function connectGitHub(ctx: ConnectorContext<GitHubConfig>): Promise<GitHubClient> {
  const { config } = ctx;
  const token = await readCredential(config, GITHUB_TOKEN);
  const headers = {
    accept: "application/vnd.github+json",
    authorization: `Bearer ${token}`,
    "x-github-api-version": GITHUB_API_VERSION,
    "user-agent": "keyledger",
  };
  const origin = new URL(config.apiUrl).origin;

  async function* paginate<P, T>(request: PageRequest<P, T>): AsyncGenerator<T> {
    const where = `GET ${request.path}`;
    let url: string | undefined = `${config.apiUrl}${request.path}${request.path.includes("?") ? "&" : "?"}per_page=${request.perPage ?? 100}`;
    for (let page = 1; url; page++) {
      if (page > MAX_PAGES) throw new SourceError("malformed", `GitHub kept paginating ${where} past ${MAX_PAGES} pages.`);
      const response: Awaited<ReturnType<typeof requestJson<P>>> = await requestJson({
        store: "GitHub",
        fetch: ctx.fetch,
        signal: ctx.signal,
        url,
        headers,
        schema: request.schema,
        allow: (failure) => Boolean(request.allowNotFound) && failure.status === 404,
        describeError: (failure) => readGitHubError(failure, where, request.permission),
      });
      if (!response.body) return;
      yield* request.items(response.body);
      url = nextLink(response.headers.get("link"), origin);
    }
  }

  return { paginate };
}
