"use client";

import Link from "next/link";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useViewParams } from "@/components/ui/use-view-params";
import { Download } from "lucide-react";
import { AccessLogFilters } from "@/components/access-log/access-log-filters";
import { DailyFailuresChart } from "@/components/access-log/daily-failures-chart";
import { Flag } from "@/components/ui/badges";
import { apiGet } from "@/lib/http/api-client";
import { formatDateTime } from "@/lib/domain/format";
import type { AccessEventRow } from "@/lib/data/access-events/list-access-events";

const KEYS = ["secret", "actor", "action", "result", "source", "from", "to", "q"] as const;
type Page = { items: AccessEventRow[]; nextCursor: string | null };

export function AccessLogTable() {
  const { params, update } = useViewParams(KEYS);
  const query = useInfiniteQuery({
    queryKey: ["access-events", params],
    queryFn: ({ pageParam }) => apiGet<Page>("/api/v1/access-events", { ...params, limit: "100", ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: "",
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = query.data?.pages.flatMap((p) => p.items) ?? [];

  // Infinite scroll: the next page loads when the foot of the table comes into view.
  const sentinel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const node = sentinel.current;
    if (!node) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries[0]?.isIntersecting && query.hasNextPage && !query.isFetchingNextPage) void query.fetchNextPage();
    });
    observer.observe(node);
    return () => observer.disconnect();
  }, [query]);

  return (
    <>
      <AccessLogFilters params={params} update={update} />
      <DailyFailuresChart params={Object.fromEntries(Object.entries(params).filter(([k]) => k !== "result"))} />
      <div className="mb-3 flex items-center justify-between">
        <p className="text-sm text-slate-600" data-testid="access-count">
          {query.isPending ? "Loading…" : `${rows.length}${query.hasNextPage ? "+" : ""} events`}
          {params.secret && (
            <button type="button" className="ml-3 text-brand-700 hover:underline" onClick={() => update({ secret: undefined })}>
              show all secrets
            </button>
          )}
        </p>
        <a className="btn" href={`/api/v1/access-events/export?${new URLSearchParams(params)}`} download>
          <Download className="size-4" aria-hidden /> Export CSV
        </a>
      </div>
      <div className="card overflow-x-auto">
        <table className="w-full text-[13px]" data-testid="access-log">
          <thead className="border-b border-slate-200 bg-slate-50/80 text-left text-xs text-slate-500">
            <tr>
              <th className="px-3 py-2.5 font-medium">When (UTC)</th>
              <th className="px-3 py-2.5 font-medium">Secret</th>
              <th className="px-3 py-2.5 font-medium">Actor</th>
              <th className="px-3 py-2.5 font-medium">Action</th>
              <th className="px-3 py-2.5 font-medium">Result</th>
              <th className="px-3 py-2.5 font-medium">Log</th>
              <th className="px-3 py-2.5 font-medium">Source IP</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((e) => (
              <tr key={e.id} data-result={e.result}>
                <td className="px-3 py-2 whitespace-nowrap text-slate-600 tabular-nums">{formatDateTime(e.occurredAt).replace(" UTC", "")}</td>
                <td className="max-w-[16rem] truncate px-3 py-2">
                  {e.secretId ? (
                    <Link href={`/secrets/${e.secretId}`} className="font-medium text-ink hover:underline" title={e.secretRef ?? undefined}>
                      {e.secretName}
                    </Link>
                  ) : e.secretRef ? (
                    <span className="text-amber-700" title="Seen in the log, but not in the registry">
                      {e.secretRef} <Flag tone="orange">unregistered</Flag>
                    </span>
                  ) : (
                    <span className="text-slate-400">—</span>
                  )}
                </td>
                <td className="max-w-[15rem] truncate px-3 py-2 font-mono text-xs text-slate-700" title={e.actor}>
                  <button type="button" className="hover:underline" onClick={() => update({ actor: e.actor })}>
                    {e.actor}
                  </button>
                  <span className="ml-1 text-slate-400">{e.actorType}</span>
                  {e.firstTouch && (
                    <span className="ml-1.5" data-first-touch>
                      <Flag tone="purple" title="The first time this actor touched this secret in the log">first time</Flag>
                    </span>
                  )}
                </td>
                <td className="px-3 py-2 text-slate-700">
                  {e.action} <span className="text-xs text-slate-400">{e.rawAction}</span>
                </td>
                <td className="px-3 py-2">{e.result === "success" ? <Flag tone="green">success</Flag> : <Flag tone="red">{e.errorCode ?? "failure"}</Flag>}</td>
                <td className="px-3 py-2 text-slate-600">{e.sourceKind}</td>
                <td className="px-3 py-2 font-mono text-xs text-slate-500">{e.sourceIp ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {query.isError && <p role="alert" className="px-4 py-6 text-sm text-red-600">Could not load events: {query.error.message}</p>}
        {!query.isPending && rows.length === 0 && <p className="px-4 py-10 text-center text-sm text-slate-500">No event matches these filters.</p>}
        <div ref={sentinel} className="px-4 py-3 text-center text-xs text-slate-400">
          {query.isFetchingNextPage ? "Loading more…" : query.hasNextPage ? "" : rows.length ? "End of the log for these filters." : ""}
        </div>
      </div>
    </>
  );
}
