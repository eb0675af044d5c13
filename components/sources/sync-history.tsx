"use client";

import { Flag } from "@/components/ui/badges";
import { useSource } from "@/components/sources/use-source";
import { formatDateTime } from "@/lib/domain/format";

const TONES = { succeeded: "green", failed: "red", running: "orange", queued: "slate" } as const;

/** Sync history with live progress: the table refreshes every second while a run is active. */
export function SyncHistory({ id }: { id: string }) {
  const { data } = useSource(id);
  const runs = data?.runs ?? [];
  return (
    <section className="card overflow-x-auto" aria-label="Sync history">
      <h2 className="border-b border-slate-100 px-5 py-3.5 text-sm font-semibold text-ink">Sync history</h2>
      {runs.length === 0 ? (
        <p className="px-5 py-6 text-sm text-slate-500">No sync yet.</p>
      ) : (
        <table className="w-full text-sm" data-testid="sync-runs">
          <thead className="text-left text-xs text-slate-500">
            <tr>
              <th className="px-5 py-2 font-medium">Queued</th>
              <th className="px-3 py-2 font-medium">Trigger</th>
              <th className="px-3 py-2 font-medium">Status</th>
              <th className="px-3 py-2 text-right font-medium">Listed</th>
              <th className="px-3 py-2 text-right font-medium">Added</th>
              <th className="px-3 py-2 text-right font-medium">Changed</th>
              <th className="px-3 py-2 text-right font-medium">Missing</th>
              <th className="px-5 py-2 font-medium">Error</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {runs.map((run) => (
              <tr key={run.id} data-status={run.status}>
                <td className="px-5 py-2 whitespace-nowrap text-slate-600 tabular-nums">{formatDateTime(run.queuedAt)}</td>
                <td className="px-3 py-2 text-slate-600">{run.trigger}</td>
                <td className="px-3 py-2">
                  <Flag tone={TONES[run.status]}>{run.status}</Flag>
                </td>
                <td className="px-3 py-2 text-right tabular-nums">{run.listed}</td>
                <td className="px-3 py-2 text-right tabular-nums">{run.added}</td>
                <td className="px-3 py-2 text-right tabular-nums">{run.changed}</td>
                <td className="px-3 py-2 text-right tabular-nums">{run.missing}</td>
                <td className="max-w-md px-5 py-2 text-xs text-red-700">{run.error}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
