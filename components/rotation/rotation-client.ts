// Browser-side calls to the rotation API. Like lib/http/api-client, but a refused write keeps the
// problem's field errors (body.note, body.graceDays…) so a form can show each under its input.
import { apiGet } from "@/lib/http/api-client";
import type { RotationTask } from "@/lib/data/rotation/rotation-task-json";

export type FieldErrors = Record<string, string>;

export class ProblemError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** Field name without its "body." prefix → message. */
    readonly fields: FieldErrors = {},
  ) {
    super(message);
  }
}

type Problem = { detail?: string; errors?: { field: string; message: string }[] };

export async function sendJson<T>(method: "POST" | "PUT" | "DELETE", path: string, body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method,
    headers: { accept: "application/json", ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.ok) return (await response.json()) as T;
  const problem = (await response.json().catch(() => null)) as Problem | null;
  const fields: FieldErrors = {};
  for (const e of problem?.errors ?? []) fields[e.field.replace(/^body\./, "")] ??= e.message;
  const only = Object.values(fields);
  // "Invalid body: body.reason — A reason…" reads better as just the field's message.
  const message = only.length === 1 ? only[0]! : (problem?.detail ?? `Request failed (${response.status})`);
  throw new ProblemError(response.status, message, fields);
}

export type TaskPage = { items: RotationTask[]; nextCursor: string | null; total: number };

/** Every task in a due-date range, page after page, up to `max` (the calendar shows them all). */
export async function fetchAllTasks(params: Record<string, string>, max = 2000): Promise<{ items: RotationTask[]; truncated: boolean }> {
  const items: RotationTask[] = [];
  let cursor: string | null = null;
  do {
    const page: TaskPage = await apiGet<TaskPage>("/api/v1/rotation/tasks", { ...params, limit: "500", ...(cursor ? { cursor } : {}) });
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor && items.length < max);
  return { items, truncated: cursor !== null };
}
