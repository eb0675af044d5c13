"use client";

import Link from "next/link";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useViewParams } from "@/components/ui/use-view-params";
import { Download } from "lucide-react";
import { AccessCount } from "@/components/access-log/access-count";
import { AccessLogFilters } from "@/components/access-log/access-log-filters";
import { ActorName } from "@/components/access-log/actor-name";
import { DailyFailuresChart } from "@/components/access-log/daily-failures-chart";
import { Flag } from "@/components/ui/badges";
import { TablePager } from "@/components/ui/table-pager";
import { apiGet } from "@/lib/http/api-client";
import { formatDateTime } from "@/lib/domain/format";
import type { AccessEventCount } from "@/lib/data/access-events/count-access-events";
import type { AccessEventRow } from "@/lib/data/access-events/list-access-events";

const KEYS = ["secret", "actor", "action", "result", "source", "origin", "from", "to", "q"] as const;
type Page = { items: AccessEventRow[]; nextCursor: string | null };

/** `scope` says whose events the count is ("company-wide", "on the secrets you hold a role on"). */
export function AccessLogTable({ scope }: { scope: string }) {
  const { params, update } = useViewParams(KEYS);
  const query = useInfiniteQuery({
    queryKey: ["access-events", params],
    queryFn: ({ pageParam }) => apiGet<Page>("/api/v1/access-events", { ...params, limit: "100", ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: "",
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const count = useQuery({ queryKey: ["access-events", "count", params], queryFn: () => apiGet<AccessEventCount>("/api/v1/access-events/count", params) });
  const rows = query.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <AccessLogFilters params={params} update={update} />
      <DailyFailuresChart params={Object.fromEntries(Object.entries(params).filter(([k]) => k !== "result"))} />
      <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-600" data-testid="access-count">
          <AccessCount count={count.data} params={params} scope={scope} />
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
              <tr key={e.id} data-result={e.result} className="focus:outline-2 focus:-outline-offset-2 focus:outline-brand-500">
                <td className="px-3 py-2 whitespace-nowrap text-slate-600 tabular-nums" title={e.occurredAt}>{formatDateTime(e.occurredAt).replace(" UTC", "")}</td>
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
                <td className="max-w-[26rem] px-3 py-2 font-mono text-xs text-slate-700">
                  <span className="flex items-center gap-1">
                    <button type="button" className="flex min-w-0 text-left hover:underline" onClick={() => update({ actor: e.actor })} data-testid="actor">
                      <ActorName actor={e.actor} />
                    </button>
                    <span className="shrink-0 text-slate-400 select-none">{e.actorType}</span>
                    {e.firstTouch && (
                      <span className="shrink-0 select-none" data-first-touch>
                        <Flag tone="purple" title="The first time this actor touched this secret in the log">first time</Flag>
                      </span>
                    )}
                  </span>
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
        <TablePager query={query} shown={rows.length} total={count.data?.count} estimated={count.data?.estimated} noun="events" />
      </div>
    </>
  );
}
