"use client";

import Link from "next/link";
import { Download } from "lucide-react";
import { EnvironmentBadge, Flag, TierBadge, Unknown } from "@/components/ui/badges";
import { RolePills } from "@/components/inventory/role-pills";
import { SecretFilters } from "@/components/inventory/secret-filters";
import { SortHeader, UnknownCount } from "@/components/inventory/sort-header";
import { SummaryLine } from "@/components/inventory/summary-line";
import { useSecretList, useSecretSummary, useSecretViewParams } from "@/components/inventory/use-secret-list";
import { TablePager } from "@/components/ui/table-pager";
import { daysSince, formatTtl, label, relativeDays } from "@/lib/domain/format";
import type { SourceOption } from "@/lib/data/secrets/list-sources";
import type { SecretRow } from "@/lib/data/secrets/list-secrets";

export function InventoryTable({ sources, canExport }: { sources: SourceOption[]; canExport: boolean }) {
  const { params, update } = useSecretViewParams();
  const list = useSecretList(params);
  const summary = useSecretSummary(params);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const unknown = summary.data?.unknown;
  const exportHref = `/api/v1/secrets/export?${new URLSearchParams(params).toString()}`;

  return (
    <>
      <SecretFilters params={params} update={update} sources={sources} />
      <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
        <SummaryLine summary={summary.data} />
        {canExport && (
          <a href={exportHref} className="btn" download>
            <Download className="size-4" aria-hidden /> Export CSV
          </a>
        )}
      </div>
      <div className="card overflow-x-auto">
        <table className="w-full text-[13px]" data-testid="inventory-table">
          <thead className="border-b border-slate-200 bg-slate-50/80 text-xs text-slate-500">
            <tr>
              <SortHeader label="Secret" sortKey="name" params={params} update={update} />
              <SortHeader label="Environment" sortKey="environment" params={params} update={update} unknown={{ count: unknown?.environment, filter: ["environment", "unknown"] }} />
              <SortHeader label="Tier" sortKey="tier" params={params} update={update} unknown={{ count: unknown?.tier, filter: ["tier", "unknown"] }} />
              <th scope="col" className="px-2.5 py-2.5 text-left align-top font-medium">
                Kind <UnknownCount count={unknown?.kind} filter={["kind", "unknown"]} />
              </th>
              <th scope="col" className="px-2.5 py-2.5 text-left align-top font-medium">
                Owners <span className="font-normal text-slate-400">C·O·A·IC</span>
              </th>
              <th scope="col" className="px-2.5 py-2.5 text-left align-top font-medium">
                Lifetime <UnknownCount count={unknown?.lifetime} filter={["lifetime", "unknown"]} />
              </th>
              <SortHeader label="Rotated" sortKey="last_rotated" params={params} update={update} unknown={{ count: unknown?.lastRotated, filter: ["rotated", "unknown"] }} />
              <SortHeader label="Accessed" sortKey="last_accessed" params={params} update={update} />
              <SortHeader label="Unknown" sortKey="unknowns" params={params} update={update} />
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((row) => (
              <InventoryRow key={row.id} row={row} />
            ))}
          </tbody>
        </table>
        <TablePager query={list} shown={rows.length} total={summary.data?.total} noun="secrets" />
      </div>
    </>
  );
}

function InventoryRow({ row }: { row: SecretRow }) {
  const rotatedDays = daysSince(row.lastRotatedAt);
  const conflict = row.holders.approver && row.holders.approver.id === row.holders.operator?.id;
  const offboarded = Object.values(row.holders).some((h) => h?.status === "offboarded");
  return (
    <tr className="hover:bg-slate-50/60 focus:outline-2 focus:-outline-offset-2 focus:outline-brand-500" data-secret={row.name}>
      <td className="max-w-md px-2.5 py-2.5">
        <Link href={`/secrets/${row.id}`} className="font-medium text-ink hover:text-brand-700 hover:underline">
          {row.name}
        </Link>
        <div className="mt-0.5 flex flex-wrap items-center gap-1.5 text-xs text-slate-500">
          {row.sourceName}
          {row.missingSince && <Flag tone="slate">missing from source</Flag>}
          {row.unsanctionedCount > 0 && <Flag tone="orange">{row.unsanctionedCount} unsanctioned {row.unsanctionedCount === 1 ? "copy" : "copies"}</Flag>}
        </div>
      </td>
      <td className="px-2.5 py-2.5">
        <EnvironmentBadge environment={row.environment} />
      </td>
      <td className="px-2.5 py-2.5">
        <TierBadge tier={row.tier} />
      </td>
      <td className="px-2.5 py-2.5 text-slate-600">{row.kind ? label(row.kind) : <Unknown what="kind" />}</td>
      <td className="px-2.5 py-2.5">
        <RolePills holders={row.holders} />
        <div className="mt-1 flex gap-1">
          {conflict && <Flag tone="orange">approver = operator</Flag>}
          {offboarded && <Flag tone="purple">offboarded holder</Flag>}
        </div>
      </td>
      <td className="px-2.5 py-2.5 text-slate-600">
        {row.lifetime === null ? <Unknown what="lifetime" /> : row.lifetime === "short_lived" ? `Short-lived · ${formatTtl(row.ttlSeconds) ?? "TTL unknown"}` : "Static"}
      </td>
      <td className={`px-2.5 py-2.5 whitespace-nowrap ${rotatedDays !== null && rotatedDays > 365 ? "font-medium text-red-600" : "text-slate-600"}`}>
        {row.lastRotatedAt ? relativeDays(row.lastRotatedAt) : <Unknown what="last rotation" />}
      </td>
      <td className="px-2.5 py-2.5 whitespace-nowrap text-slate-600">
        {row.lastAccessedAt ? relativeDays(row.lastAccessedAt) : <span className="text-slate-400">never seen</span>}
        {(daysSince(row.lastAccessedAt) ?? 0) > 90 && (
          <div>
            <Flag tone="slate" title="No access in the last 90 days: a candidate to revoke">unused 90 d</Flag>
          </div>
        )}
      </td>
      <td className="px-2.5 py-2.5 text-center">
        <span className={`inline-flex min-w-7 justify-center rounded-full px-2 py-0.5 text-xs font-semibold ${row.unknownCount ? "bg-amber-100 text-amber-800" : "bg-slate-100 text-slate-400"}`}>{row.unknownCount}</span>
      </td>
    </tr>
  );
}
