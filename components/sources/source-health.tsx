"use client";

import { SourceStatus } from "@/components/sources/source-status";
import { useSource } from "@/components/sources/use-source";
import { formatDateTime } from "@/lib/domain/format";

type Initial = { status: string; enabled: boolean; demo: boolean; lastSyncedAt: string | null; lastError: string | null };

/** Status, last good sync and last error — live, so they change the moment a sync finishes. */
export function SourceHealth({ id, initial }: { id: string; initial: Initial }) {
  const { data } = useSource(id);
  const source = data?.source;
  const runStatus = data?.runs[0]?.status;
  const status = source?.status ?? initial.status;
  const lastSyncedAt = (source?.lastSyncedAt as string | null | undefined) ?? initial.lastSyncedAt;
  const lastError = source ? source.lastError : initial.lastError;
  return (
    <dl className="grid grid-cols-[10rem_1fr] gap-x-4 gap-y-2.5 text-sm" data-testid="source-health">
      <dt className="text-slate-500">Status</dt>
      <dd>
        <SourceStatus status={status} enabled={source?.enabled ?? initial.enabled} demo={initial.demo} runStatus={runStatus} />
      </dd>
      <dt className="text-slate-500">Last good sync</dt>
      <dd className="text-slate-800">{lastSyncedAt ? formatDateTime(lastSyncedAt) : "never"}</dd>
      {lastError && (
        <>
          <dt className="text-slate-500">Last error</dt>
          <dd className="text-red-700">{lastError}</dd>
        </>
      )}
    </dl>
  );
}
