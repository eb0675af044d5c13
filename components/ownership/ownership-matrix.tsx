"use client";

import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { EnvironmentBadge, TierBadge } from "@/components/ui/badges";
import { SecretFilters } from "@/components/inventory/secret-filters";
import { SummaryLine } from "@/components/inventory/summary-line";
import { useSecretList, useSecretSummary, useSecretViewParams } from "@/components/inventory/use-secret-list";
import { RoleCell } from "@/components/ownership/role-cell";
import { RoleEditToast } from "@/components/ownership/role-edit-toast";
import { useRoleEdits } from "@/components/ownership/use-role-edits";
import { TablePager } from "@/components/ui/table-pager";
import { apiGet } from "@/lib/http/api-client";
import { label } from "@/lib/domain/format";
import { OWNERSHIP_ROLES } from "@/lib/domain/roles";
import { peopleKeys } from "@/lib/query-keys";
import type { PersonRow } from "@/lib/data/people/list-people";
import type { SourceOption } from "@/lib/data/secrets/list-sources";

type Props = { actorId: string; isAdmin: boolean; canAssign: boolean; sources: SourceOption[] };

export function OwnershipMatrix({ actorId, isAdmin, canAssign, sources }: Props) {
  const { params, update } = useSecretViewParams();
  const list = useSecretList(params);
  const summary = useSecretSummary(params);
  const people = useQuery({ queryKey: peopleKeys.all, queryFn: () => apiGet<{ items: PersonRow[] }>("/api/v1/people"), enabled: canAssign });
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const edits = useRoleEdits({ view: JSON.stringify(params), rows });
  const onlyProblems = params.gaps === "problems";

  return (
    <>
      <SecretFilters params={params} update={update} sources={sources} only={["source", "environment", "tier", "gaps"]} />
      <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
        <SummaryLine summary={summary.data} />
        <label className="inline-flex items-center gap-2 text-sm font-medium text-slate-700">
          <input type="checkbox" className="size-4 accent-brand-600" checked={onlyProblems} onChange={(e) => update({ gaps: e.target.checked ? "problems" : undefined })} />
          Only gaps and conflicts
        </label>
      </div>
      {edits.error && (
        <p role="alert" className="mb-3 rounded-lg border border-red-200 bg-red-50 px-4 py-2 text-sm text-red-800">
          {edits.error}
        </p>
      )}
      <div className="card relative overflow-x-auto">
        <table className="w-full min-w-[46rem] table-fixed text-sm" data-testid="ownership-matrix">
          <thead className="border-b border-slate-200 bg-slate-50/80 text-left text-xs text-slate-500">
            <tr>
              <th scope="col" className="w-[34%] px-3 py-2.5 font-medium">Secret</th>
              {OWNERSHIP_ROLES.map((role) => (
                <th key={role} scope="col" className="px-3 py-2.5 font-medium">
                  {label(role)}
                  {summary.data && <div className={`text-[11px] font-normal ${summary.data.missing[role] ? "text-red-600" : "text-slate-400"}`}>{summary.data.missing[role]} gaps</div>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {edits.shown.map((row) => {
              const editable = canAssign && (isAdmin || row.holders.approver?.id === actorId);
              const conflict = Boolean(row.holders.approver && row.holders.approver.id === row.holders.operator?.id);
              return (
                <tr key={row.id} data-secret={row.name} data-unmatched={row.unmatched || undefined} className={row.unmatched ? "bg-amber-50/60" : undefined}>
                  <td className="px-3 py-2">
                    <Link href={`/secrets/${row.id}`} className="block truncate font-medium text-ink hover:text-brand-700 hover:underline" title={row.name}>
                      {row.name}
                    </Link>
                    <div className="mt-1 flex flex-wrap gap-1.5">
                      <EnvironmentBadge environment={row.environment} />
                      <TierBadge tier={row.tier} />
                      {row.unmatched && <span className="rounded bg-amber-100 px-1.5 py-0.5 text-[11px] font-medium text-amber-800">changed — no longer matches the filter</span>}
                    </div>
                  </td>
                  {OWNERSHIP_ROLES.map((role) => (
                    <RoleCell
                      key={role}
                      secretName={row.name}
                      role={role}
                      holder={row.holders[role]}
                      conflict={conflict && (role === "approver" || role === "operator")}
                      people={people.data?.items}
                      editable={editable}
                      pending={edits.pendingFor(row.id)}
                      onSave={(to) => edits.change({ secretId: row.id, secretName: row.name, role, from: row.holders[role] ?? null, to }, row)}
                    />
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
        <TablePager query={list} shown={rows.length} total={summary.data?.total} noun="secrets" />
      </div>
      {edits.toast && <RoleEditToast edit={edits.toast.edit} undone={edits.toast.undo} busy={edits.busy} onUndo={edits.undo} onDismiss={edits.dismiss} />}
    </>
  );
}
