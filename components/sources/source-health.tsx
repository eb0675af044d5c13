"use client";

import { Fragment, type ReactNode } from "react";
import { SourceStatus } from "@/components/sources/source-status";
import { useSource } from "@/components/sources/use-source";
import { formatDateTime } from "@/lib/domain/format";
import { intervalWords, retryWords, SCHEDULER_TICK_MINUTES } from "@/lib/domain/sync-schedule";

type Schedule = { failuresInARow: number; nextSyncAt: string };
type Initial = { status: string; enabled: boolean; demo: boolean; lastSyncedAt: string | null; lastError: string | null; syncIntervalMinutes: number; schedule: Schedule };

/** When it syncs next, in words: the scheduler's own rule (lib/domain/sync-schedule.ts). */
function nextSync({ enabled, demo, interval, schedule }: { enabled: boolean; demo: boolean; interval: number; schedule: Schedule }): string {
  if (demo) return "never: sample data, no store behind it";
  if (!enabled) return "not while it is disabled";
  const at = new Date(schedule.nextSyncAt) <= new Date() ? `within ${SCHEDULER_TICK_MINUTES} minutes` : `around ${formatDateTime(schedule.nextSyncAt)}`;
  if (!schedule.failuresInARow) return at;
  return `${at}, a retry after ${schedule.failuresInARow} failed sync${schedule.failuresInARow === 1 ? "" : "s"} in a row. ${retryWords(interval)}`;
}

/** Status, schedule, last good sync and last error — live, so they change the moment a sync finishes — then the rows in `more`. */
export function SourceHealth({ id, initial, more }: { id: string; initial: Initial; more: [string, ReactNode][] }) {
  const { data } = useSource(id);
  const source = data?.source;
  const runStatus = data?.runs[0]?.status;
  const status = source?.status ?? initial.status;
  const enabled = source?.enabled ?? initial.enabled;
  const interval = source?.syncIntervalMinutes ?? initial.syncIntervalMinutes;
  const lastSyncedAt = (source?.lastSyncedAt as string | null | undefined) ?? initial.lastSyncedAt;
  const lastError = source ? source.lastError : initial.lastError;
  return (
    <dl className="grid grid-cols-[7rem_minmax(0,1fr)] gap-x-4 gap-y-2.5 text-sm md:grid-cols-[10rem_minmax(0,1fr)]" data-testid="source-health">
      <dt className="text-slate-500">Status</dt>
      <dd>
        <SourceStatus status={status} enabled={enabled} demo={initial.demo} runStatus={runStatus} />
      </dd>
      <dt className="text-slate-500">Schedule</dt>
      <dd className="text-slate-800">{intervalWords(interval)}</dd>
      <dt className="text-slate-500">Next sync</dt>
      <dd className="text-slate-800" data-testid="next-sync">
        {nextSync({ enabled, demo: initial.demo, interval, schedule: data?.schedule ?? initial.schedule })}
      </dd>
      <dt className="text-slate-500">Last good sync</dt>
      <dd className="text-slate-800">{lastSyncedAt ? formatDateTime(lastSyncedAt) : "never"}</dd>
      {lastError && (
        <>
          <dt className="text-slate-500">Last error</dt>
          <dd className="break-words text-red-700">{lastError}</dd>
        </>
      )}
      {more.map(([term, value]) => (
        <Fragment key={term}>
          <dt className="text-slate-500">{term}</dt>
          <dd className="break-words text-slate-800">{value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}
