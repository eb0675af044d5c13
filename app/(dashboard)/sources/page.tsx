import Link from "next/link";
import { Plus } from "lucide-react";
import { ApiTokens } from "@/components/sources/api-tokens";
import { InventoryUpload } from "@/components/sources/inventory-upload";
import { SourceStatus } from "@/components/sources/source-status";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";
import { listSourcesStatus } from "@/lib/data/sources/list-sources-status";
import { label, relativeDays } from "@/lib/domain/format";

export const metadata = { title: "Sources" };

type Search = Promise<{ deleted?: string; missing?: string }>;

export default async function SourcesPage({ searchParams }: { searchParams: Search }) {
  const actor = await requirePermission("source:read");
  const rows = await listSourcesStatus({ actor });
  const { deleted, missing } = await searchParams;
  return (
    <>
      <PageHeader
        title="Sources"
        description="The secret stores Keyledger reads — metadata only, never a value — and the inventory files for what lives nowhere else. Credentials come from the worker's environment or a mounted file, never from this database."
        actions={
          can(actor.role, "source:manage") && (
            <Link href="/sources/new" className="btn-primary">
              <Plus className="size-4" aria-hidden /> Add source
            </Link>
          )
        }
      />
      {typeof deleted === "string" && (
        <p role="status" className="mb-4 rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-2.5 text-sm text-emerald-800">
          Deleted &ldquo;{deleted.slice(0, 80)}&rdquo;: it no longer syncs.{" "}
          {/^\d+$/.test(missing ?? "") ? `Its ${missing} secret${missing === "1" ? "" : "s"} stay` : "Its secrets stay"} in the registry, marked missing, with their history.
        </p>
      )}
      <div className="card overflow-x-auto">
        <table className="w-full text-sm" data-testid="sources-table">
          <thead className="border-b border-slate-200 bg-slate-50/80 text-left text-xs text-slate-500">
            <tr>
              <th className="px-4 py-2.5 font-medium">Source</th>
              <th className="px-4 py-2.5 font-medium">Status</th>
              <th className="px-4 py-2.5 font-medium">Last sync</th>
              <th className="px-4 py-2.5 text-right font-medium">Secrets</th>
              <th className="px-4 py-2.5 text-right font-medium">Missing</th>
              <th className="px-4 py-2.5 font-medium">Last error</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((s) => (
              <tr key={s.id} data-source={s.name}>
                <td className="px-4 py-2.5">
                  <Link href={`/sources/${s.id}`} className="font-medium text-ink hover:text-brand-700 hover:underline">
                    {s.name}
                  </Link>
                  <div className="text-xs text-slate-500">{label(s.kind)}</div>
                </td>
                <td className="px-4 py-2.5">
                  <SourceStatus status={s.status} enabled={s.enabled} demo={s.demo} runStatus={s.runStatus} />
                </td>
                <td className="px-4 py-2.5 text-slate-600">{s.lastSyncedAt ? relativeDays(s.lastSyncedAt) : "—"}</td>
                <td className="px-4 py-2.5 text-right tabular-nums">{s.secretCount}</td>
                <td className={`px-4 py-2.5 text-right tabular-nums ${s.missingCount ? "text-amber-700" : "text-slate-400"}`}>{s.missingCount}</td>
                <td className="max-w-sm truncate px-4 py-2.5 text-xs text-red-700" title={s.lastError ?? undefined}>
                  {s.lastError ?? ""}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {can(actor.role, "source:manage") && <InventoryUpload />}
      {can(actor.role, "token:manage") && <ApiTokens />}
    </>
  );
}
