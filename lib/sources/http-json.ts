// One JSON request to a store's HTTP API: a timeout, statuses mapped to SourceErrors, a
// defensive parse (bad JSON or an unexpected shape → "malformed"), and retries for throttling,
// 5xx and network failures that honour Retry-After. Connectors add their store's quirks through
// `describeError` (rate-limit headers, "Vault is sealed", which permission to grant).
import type { z } from "zod";
import { parseRetryAfter, withRetry, type RetryOptions } from "@/lib/sources/retry";
import { SourceError, sourceErrorFromStatus } from "@/lib/sources/source-error";

export type HttpFailure = { status: number; headers: Headers; detail: string; body: unknown };

/** A store-specific reading of a failed response; `retry: false` stops retries of a retryable code. */
export type ErrorReading = { error: SourceError; retry?: boolean; retryAfterMs?: number };

export type JsonRequest<T> = {
  /** The store's name, for messages ("Vault", "GitHub"). */
  store: string;
  fetch: typeof fetch;
  url: string | URL;
  method?: string;
  headers?: Record<string, string>;
  body?: unknown;
  /** Parses the 2xx body; a mismatch is a "malformed" SourceError naming the field. */
  schema: z.ZodType<T>;
  /** Failures to answer with `body: null` instead of an error (Vault answers an empty LIST with 404). */
  allow?: (failure: HttpFailure) => boolean;
  missingPermission?: string;
  describeError?: (failure: HttpFailure) => ErrorReading | undefined;
  signal?: AbortSignal;
  timeoutMs?: number;
  retry?: RetryOptions;
};

export type JsonResponse<T> = { status: number; headers: Headers; body: T | null };

const MAX_DETAIL = 300;

/** The error text a store sent, short and on one line; never a success body. */
function errorDetail(text: string, body: unknown): string {
  const fromBody = body && typeof body === "object" ? pickMessage(body as Record<string, unknown>) : undefined;
  const detail = (fromBody ?? text).replace(/\s+/g, " ").trim();
  return detail.length > MAX_DETAIL ? `${detail.slice(0, MAX_DETAIL)}…` : detail || "no detail";
}

function pickMessage(body: Record<string, unknown>): string | undefined {
  if (Array.isArray(body.errors)) return body.errors.map(String).join("; ");
  // Doppler: { messages: [...], success: false }
  if (Array.isArray(body.messages) && body.messages.length > 0) return body.messages.map(String).join("; ");
  if (typeof body.message === "string") return body.message;
  if (typeof body.error === "string") return body.error;
  return undefined;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

class FinalError extends Error {
  constructor(readonly error: SourceError) {
    super(error.message);
  }
}

/** A store's answer checked against its schema; a mismatch is a "malformed" SourceError naming the field. */
export function parseAnswer<T>(schema: z.ZodType<T>, body: unknown, { store, where }: { store: string; where: string }): T {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.length ? issue.path.join(".") : "(body)";
  throw new SourceError("malformed", `${store} answered ${where} with an unexpected shape at ${field}: ${issue?.message ?? "invalid"}.`);
}

export async function requestJson<T>(request: JsonRequest<T>): Promise<JsonResponse<T>> {
  const { store, method = "GET", schema, timeoutMs = 30_000 } = request;
  const where = `${method} ${new URL(request.url).pathname}`;
  const attempt = async (): Promise<JsonResponse<T>> => {
    const signals = [AbortSignal.timeout(timeoutMs), ...(request.signal ? [request.signal] : [])];
    let response: Response;
    try {
      response = await request.fetch(request.url, {
        method,
        headers: { accept: "application/json", ...(request.body === undefined ? {} : { "content-type": "application/json" }), ...request.headers },
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal: AbortSignal.any(signals),
        // A redirect could carry a token header to another host, or point at a value endpoint.
        redirect: "error",
      });
    } catch (cause) {
      if (request.signal?.aborted) throw cause;
      // The address was refused before anything was sent (lib/sources/guard-connection.ts): say so.
      if (cause instanceof SourceError) throw cause;
      const error = cause as Error & { cause?: { code?: string } };
      const reason = error.name === "TimeoutError" ? `no response in ${timeoutMs} ms` : (error.cause?.code ?? error.message);
      throw new SourceError("unavailable", `${store} did not answer ${where}: ${reason}.`, { cause });
    }
    const text = await response.text();
    const parsed = text ? parseJson(text) : { ok: true as const, value: null };
    if (!response.ok) {
      const body = parsed.ok ? parsed.value : undefined;
      const failure: HttpFailure = { status: response.status, headers: response.headers, detail: errorDetail(text, body), body };
      if (request.allow?.(failure)) return { status: response.status, headers: response.headers, body: null };
      const reading = request.describeError?.(failure);
      const error = reading?.error ?? sourceErrorFromStatus(store, response.status, `${failure.detail} (${where})`, request.missingPermission);
      if (reading?.retry === false) throw new FinalError(error);
      const waitMs = reading?.retryAfterMs ?? (error.retryable ? parseRetryAfter(response.headers.get("retry-after")) : undefined);
      if (waitMs !== undefined) error.retryAfterMs = waitMs;
      throw error;
    }
    if (!parsed.ok) throw new SourceError("malformed", `${store} answered ${where} with a body that is not JSON.`);
    return { status: response.status, headers: response.headers, body: parseAnswer(schema, parsed.value, { store, where }) };
  };
  try {
    return await withRetry(attempt, request.retry);
  } catch (error) {
    throw error instanceof FinalError ? error.error : error;
  }
}
