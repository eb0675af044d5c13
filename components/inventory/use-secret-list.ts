"use client";
// The inventory and the ownership matrix read the same keyset-paginated endpoint; this hook keeps
// the view's filters in the URL (shareable, survive reload) and pages with useInfiniteQuery.
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useViewParams } from "@/components/ui/use-view-params";
import { apiGet } from "@/lib/http/api-client";
import { secretKeys, type ListParams } from "@/lib/query-keys";
import type { SecretPage } from "@/lib/data/secrets/list-secrets";
import type { SecretSummary } from "@/lib/data/secrets/summarize-secrets";

export const FILTER_KEYS = ["q", "source", "environment", "tier", "kind", "lifetime", "gaps", "unknowns", "rotated", "copies"] as const;
const SORT_PARAMS = ["sort", "dir"] as const;
const SECRET_VIEW_KEYS = [...FILTER_KEYS, ...SORT_PARAMS];

/** The inventory and matrix view parameters in the URL. */
export const useSecretViewParams = () => useViewParams(SECRET_VIEW_KEYS);

export function useSecretList(params: ListParams, pageSize = 50) {
  return useInfiniteQuery({
    queryKey: secretKeys.list({ ...params, limit: String(pageSize) }),
    queryFn: ({ pageParam }) => apiGet<SecretPage>("/api/v1/secrets", { ...params, limit: String(pageSize), ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: "",
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useSecretSummary(params: ListParams) {
  const filters = Object.fromEntries(Object.entries(params).filter(([k]) => (FILTER_KEYS as readonly string[]).includes(k)));
  return useQuery({ queryKey: secretKeys.summary(filters), queryFn: () => apiGet<SecretSummary>("/api/v1/secrets/summary", filters) });
}
