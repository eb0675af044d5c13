"use client";

import Link from "next/link";
import { useState } from "react";
import { Pencil } from "lucide-react";
import { Section } from "@/components/secrets/detail-list";
import { SecretRotationForm } from "@/components/secrets/secret-rotation-form";
import { SecretRotationPolicy } from "@/components/secrets/secret-rotation-policy";
import { SecretRotationTasks } from "@/components/secrets/secret-rotation-tasks";
import type { SecretRotation as Rotation } from "@/lib/data/rotation/get-secret-rotation";
import { daysBetween, toDay } from "@/lib/domain/calendar/days";
import { formatDate } from "@/lib/domain/format";

const BASIS_WORDS: Record<Rotation["lastRotation"]["basis"], string> = {
  store: "as the store reports it",
  recorded: "recorded in Keyledger (a task marked done)",
  created_in_source: "never rotated: counted from its creation in the store",
  registered: "never rotated, no creation date: counted from when Keyledger registered it",
};

function inDays(iso: string, now = new Date()): string {
  const d = daysBetween(toDay(now), toDay(iso));
  if (d === 0) return "today";
  if (d > 0) return d === 1 ? "tomorrow" : `in ${d} days`;
  return d === -1 ? "yesterday" : `${-d} days ago`;
}

type Props = { secretId: string; rotation: Rotation; canManage: boolean };

/** A secret's rotation: its policy and where it comes from, when it was last rotated and is next due, its tasks; admins override it. */
export function SecretRotation({ secretId, rotation, canManage }: Props) {
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const { nextDue, lastRotation } = rotation;
  const aside = (
    <div className="flex items-center gap-3">
      {saved && (
        <span role="status" className="text-xs font-medium text-emerald-700">
          {saved}
        </span>
      )}
      {canManage && !editing && (
        <button type="button" className="btn px-2 py-1 text-xs" onClick={() => (setEditing(true), setSaved(null))}>
          <Pencil className="size-3" aria-hidden /> {rotation.override ? "Change override" : "Override policy"}
        </button>
      )}
      <Link href="/rotation" className="text-xs text-brand-700 hover:underline">
        Calendar
      </Link>
    </div>
  );

  return (
    <Section title="Rotation" aside={aside} className="lg:col-span-3">
      <div className="grid grid-cols-1 gap-6 md:grid-cols-3" data-testid="secret-rotation">
        <div>
          <Heading>Policy</Heading>
          <SecretRotationPolicy rotation={rotation} />
        </div>
        <div className="space-y-4">
          <div>
            <Heading>Next due</Heading>
            {nextDue ? (
              <div data-testid="rotation-next-due" data-due={nextDue.dueAt} data-overdue={nextDue.overdue || undefined}>
                <p className={`text-base font-semibold tabular-nums ${nextDue.overdue ? "text-red-700" : "text-ink"}`}>{formatDate(nextDue.dueAt)}</p>
                <p className={`text-sm ${nextDue.overdue ? "font-medium text-red-700" : "text-slate-500"}`}>{nextDue.overdue ? `Overdue · was due ${inDays(nextDue.dueAt)}` : `Due ${inDays(nextDue.dueAt)}`}</p>
                <p className="mt-1 text-xs text-slate-500 tabular-nums">
                  Grace until {formatDate(nextDue.graceUntil)}
                  {rotation.open.length === 0 && !nextDue.overdue && ` · task opens ${formatDate(nextDue.opensAt)}`}
                </p>
              </div>
            ) : (
              <p className="text-sm text-slate-500" data-testid="rotation-next-due">
                Nothing due: exempt from rotation.
              </p>
            )}
          </div>
          <div>
            <Heading>Last rotation</Heading>
            <p className="text-sm text-slate-800 tabular-nums" data-testid="rotation-last">
              {lastRotation.basis === "store" || lastRotation.basis === "recorded" ? formatDate(lastRotation.at) : <span className="text-slate-500">never</span>}
              <span className="text-slate-400"> ({inDays(lastRotation.at)})</span>
            </p>
            <p className="text-xs text-slate-500">
              {lastRotation.basis === "created_in_source" || lastRotation.basis === "registered" ? `${BASIS_WORDS[lastRotation.basis]} (${formatDate(lastRotation.at)})` : BASIS_WORDS[lastRotation.basis]}
            </p>
          </div>
        </div>
        <SecretRotationTasks rotation={rotation} />
      </div>
      {editing && (
        <SecretRotationForm
          secretId={secretId}
          rotation={rotation}
          onCancel={() => setEditing(false)}
          onDone={(message) => {
            setEditing(false);
            setSaved(message);
          }}
        />
      )}
    </Section>
  );
}

function Heading({ children }: { children: React.ReactNode }) {
  return <h3 className="mb-1.5 text-xs font-medium tracking-wide text-slate-500 uppercase">{children}</h3>;
}
