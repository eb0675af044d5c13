// Browser-side calls to Keyledger's own REST API. Problems come back as ApiError with the
// server's detail (and its field errors), so islands can show what went wrong in words.
import type { FieldError } from "@/lib/errors";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors: FieldError[] = [],
  ) {
    super(message);
  }
}

async function parse<T>(response: Response): Promise<T> {
  if (response.ok) return (await response.json()) as T;
  const problem = (await response.json().catch(() => null)) as { detail?: string; errors?: FieldError[] } | null;
  throw new ApiError(response.status, problem?.detail ?? `Request failed (${response.status})`, problem?.errors ?? []);
}

export async function apiGet<T>(path: string, params: Record<string, string> = {}): Promise<T> {
  const query = new URLSearchParams(params).toString();
  return parse<T>(await fetch(query ? `${path}?${query}` : path, { headers: { accept: "application/json" } }));
}

export async function apiSend<T>(method: "PUT" | "POST" | "DELETE" | "PATCH", path: string, body?: unknown): Promise<T> {
  const init: RequestInit = { method, headers: { accept: "application/json" } };
  if (body !== undefined) init.body = JSON.stringify(body);
  if (body !== undefined) init.headers = { ...init.headers, "content-type": "application/json" };
  return parse<T>(await fetch(path, init));
}
