// limit/continue paging for one list endpoint, with retries and a restart when the continue token
// has expired (410 Gone) — items already yielded are not yielded twice.
import type { KubeConfig } from "@kubernetes/client-node";
import type { z } from "zod";
import { parseAnswer } from "@/lib/sources/http-json";
import { KUBE_STORE, kubeError, kubeGet } from "@/lib/sources/kubernetes/kube-client";
import { withRetry, type RetryOptions } from "@/lib/sources/retry";
import { SourceError } from "@/lib/sources/source-error";

export type PageRequest<T> = {
  kc: KubeConfig;
  path: string;
  accept: string;
  /** What the caller needs (for a 403): "list secrets". */
  permission: string;
  schema: z.ZodType<{ items: T[]; metadata?: { continue?: string } }>;
  key: (item: T) => string;
  limit?: number;
  retry?: RetryOptions;
  signal?: AbortSignal;
};

export async function* pageThrough<T>(request: PageRequest<T>): AsyncGenerator<T> {
  const { kc, path, accept, permission } = request;
  const seen = new Set<string>();
  let token: string | undefined;
  let restarted = false;
  for (;;) {
    request.signal?.throwIfAborted();
    const query = { limit: String(request.limit ?? 500), continue: token };
    const response = await withRetry(async () => {
      const r = await kubeGet(kc, path, query, accept, request.signal);
      if (r.status === 410 && token && !restarted) return r;
      if (r.status === 406) throw new SourceError("unsupported", `The Kubernetes API server cannot answer ${path} as ${accept}; Keyledger does not fall back to full objects.`);
      if (r.status < 200 || r.status >= 300) throw kubeError(r, `GET ${path}`, permission);
      return r;
    }, request.retry);
    if (response.status === 410) {
      restarted = true;
      token = undefined;
      continue;
    }
    const page = parseAnswer(request.schema, response.body, { store: KUBE_STORE, where: `GET ${path}` });
    for (const item of page.items) {
      const key = request.key(item);
      if (seen.has(key)) continue;
      seen.add(key);
      yield item;
    }
    token = page.metadata?.continue || undefined;
    if (!token) return;
  }
}
