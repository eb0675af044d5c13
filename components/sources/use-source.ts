"use client";
import { useQuery } from "@tanstack/react-query";
import { apiGet } from "@/lib/http/api-client";
import type { SourceDetail } from "@/lib/data/sources/get-source";

export const sourceKeys = { detail: (id: string) => ["sources", id] as const, all: ["sources"] as const };

type Serialized = Omit<SourceDetail, "runs"> & { runs: (Omit<SourceDetail["runs"][number], "queuedAt" | "startedAt" | "finishedAt"> & { queuedAt: string; startedAt: string | null; finishedAt: string | null })[] };

/** The source and its runs, polled while a sync is queued or running so progress shows live. */
export function useSource(id: string) {
  return useQuery({
    queryKey: sourceKeys.detail(id),
    queryFn: () => apiGet<Serialized>(`/api/v1/sources/${id}`),
    refetchInterval: (query) => (query.state.data?.runs.some((r) => r.status === "queued" || r.status === "running") ? 1000 : false),
  });
}
