"use client";

import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { rotationKeys } from "@/components/rotation/rotation-keys";
import { apiGet } from "@/lib/http/api-client";
import type { RotationSummary as Summary } from "@/lib/data/rotation/get-rotation-summary";
import { DUE_SOON_DAYS } from "@/lib/domain/calendar/due-window";
import { ACK_LOOKBACK_DAYS, quarterWords } from "@/lib/domain/rotation/metrics";

type Tone = "bad" | "warn" | "good" | "default";
const TONES: Record<Tone, string> = { bad: "text-red-600", warn: "text-amber-600", good: "text-emerald-600", default: "text-ink" };

type FigureProps = { label: string; value: string | number; hint: string; tone?: Tone; href?: string; ariaLabel?: string; testId?: string; sub?: { text: string; href: string; name: string } };

/**
 * One number; with `href`, the number links to exactly its rows (its accessible name starts with how
 * many: `ariaLabel` says it when the value is a share), and `sub` (a part of them) to theirs.
 */
function Figure({ label, value, hint, tone = "default", href, ariaLabel = `${value} ${label.toLowerCase()} ${hint}`, testId, sub }: FigureProps) {
  const body = (
    <>
      <div className="text-[11px] font-medium tracking-wide text-slate-500 uppercase">{label}</div>
      <div className={`mt-0.5 text-2xl font-semibold tabular-nums ${TONES[tone]}`}>{value}</div>
      <div className="truncate text-xs text-slate-500">{hint}</div>
    </>
  );
  if (!href) return <div className="card px-4 py-3">{body}</div>;
  return (
    <div className="card px-4 py-3 transition hover:border-brand-500" data-testid={testId}>
      <Link href={href} className="block" aria-label={ariaLabel} data-figure="all">
        {body}
      </Link>
      {sub && (
        <Link href={sub.href} className="mt-0.5 block truncate text-xs font-medium text-brand-700 hover:underline" data-figure={sub.name}>
          {sub.text}
        </Link>
      )}
    </div>
  );
}

const LIST = "/rotation?view=list";

/**
 * The numbers above the calendar: overdue, due soon, gaps, acknowledged within 2 days, on time per
 * quarter. Each count says whose it is (the company's, or an owner's secrets) and, for people who
 * work tasks, how many of them are theirs; each links to exactly the rows it counts: the ack share to
 * the tasks it is a share of, and of them the ones acked in time; each quarter to its done tasks.
 */
export function RotationSummary({ initial, canWork }: { initial: Summary; canWork: boolean }) {
  const { data = initial } = useQuery({ queryKey: rotationKeys.summary, queryFn: () => apiGet<Summary>("/api/v1/rotation/summary"), initialData: initial });
  const ack = data.acknowledgedWithin2Days;
  // "your secrets": the ones you hold a role on (an owner sees no others).
  const whose = data.scope === "company" ? "in the company" : "on your secrets";
  const yours = (n: number, filter: string) => (canWork ? { text: `${n} of them yours`, href: `${LIST}&${filter}&mine=1`, name: "mine" } : undefined);
  return (
    <section aria-label="Rotation summary" className="mb-5 grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-[repeat(4,minmax(0,1fr))_minmax(0,2fr)]" data-testid="rotation-summary">
      <Figure label="Overdue" value={data.overdue} tone={data.overdue ? "bad" : "good"} hint={whose} href={`${LIST}&overdue=1`} testId="figure-overdue" sub={yours(data.mine.overdue, "overdue=1")} />
      <Figure
        label={`Due in ${DUE_SOON_DAYS} days`}
        value={data.dueIn14Days}
        tone={data.dueIn14Days ? "warn" : "default"}
        hint={whose}
        href={`${LIST}&due=${DUE_SOON_DAYS}`}
        testId="figure-due"
        sub={yours(data.mine.dueIn14Days, `due=${DUE_SOON_DAYS}`)}
      />
      <Figure label="Gaps · no owner" value={data.gaps} tone={data.gaps ? "bad" : "good"} hint={whose} href={`${LIST}&gap=1`} testId="figure-gaps" />
      <Figure
        label="Acked within 2 days"
        value={ack.pct === null ? "—" : `${ack.pct}%`}
        tone={ack.pct === null ? "default" : ack.pct >= 80 ? "good" : ack.pct >= 50 ? "warn" : "bad"}
        hint={ack.count ? `${ack.within} of ${ack.count}, last ${ACK_LOOKBACK_DAYS} days` : "no tasks opened yet"}
        href={`${LIST}&acked=${ACK_LOOKBACK_DAYS}`}
        ariaLabel={`${ack.count} tasks opened in the last ${ACK_LOOKBACK_DAYS} days with an answer known: ${ack.pct === null ? "none" : `${ack.pct}%`} acked within 2 days`}
        testId="figure-acked"
        sub={ack.count ? { text: `${ack.within} within 2 days`, href: `${LIST}&acked=${ACK_LOOKBACK_DAYS}&ackedWithin2Days=1`, name: "within" } : undefined}
      />
      <OnTime quarters={data.onTimeByQuarter} />
    </section>
  );
}

function OnTime({ quarters }: { quarters: Summary["onTimeByQuarter"] }) {
  const tone = (pct: number | null) => (pct === null ? ["text-slate-400", ""] : pct >= 90 ? ["text-emerald-600", "bg-emerald-500"] : pct >= 75 ? ["text-amber-600", "bg-amber-500"] : ["text-red-600", "bg-red-500"]);
  return (
    <div className="card col-span-2 px-4 py-3 md:col-span-2 xl:col-span-1" data-testid="on-time">
      <div className="text-[11px] font-medium tracking-wide text-slate-500 uppercase">Done on time, per quarter</div>
      <ul className="mt-1 grid grid-cols-4 gap-2.5">
        {quarters.map((q) => {
          const [text, bar] = tone(q.pct);
          const [year, quarter] = q.quarter.split("-");
          // Starts with the count it links to, like every figure: that quarter's done tasks.
          const words = `${q.done} done in ${quarterWords(q.quarter)}: ${q.pct === null ? "none" : `${q.pct}%`} on time (${q.onTime} on time, ${q.late} late${q.missed ? `; ${q.missed} missed their grace period` : ""})`;
          return (
            <li key={q.quarter} title={words}>
              <Link href={`${LIST}&done=${q.quarter}`} aria-label={words} data-quarter={q.quarter} className="-m-1 block rounded p-1 transition hover:bg-slate-50">
                <div className="flex items-baseline gap-1.5" aria-hidden>
                  <span className={`text-2xl font-semibold tabular-nums ${text}`}>{q.pct === null ? "—" : `${Math.round(q.pct)}%`}</span>
                </div>
                <div className="mt-0.5 h-1 overflow-hidden rounded-full bg-slate-100" aria-hidden>
                  <div className={`h-full rounded-full ${bar}`} style={{ width: `${q.pct ?? 0}%` }} />
                </div>
                <div className="mt-0.5 flex justify-between gap-1 text-[11px] whitespace-nowrap text-slate-500 tabular-nums" aria-hidden>
                  <span>
                    {quarter} ’{year!.slice(2)}
                  </span>
                  <span>
                    {q.onTime}/{q.done}
                  </span>
                </div>
              </Link>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
