import type { AccessEventCount } from "@/lib/data/access-events/count-access-events";

type Props = { count: AccessEventCount | undefined; params: Record<string, string>; scope: string };

const SAID_ELSEWHERE = ["from", "to", "secret"];

/** "23,374 events · all time · company-wide" — the exact count (or the planner's estimate, said so) and what it counts. */
export function AccessCount({ count, params, scope }: Props) {
  if (!count) return <span className="text-slate-400">Counting…</span>;
  const range = params.from && params.to ? `${params.from} to ${params.to}` : params.from ? `since ${params.from}` : params.to ? `up to ${params.to}` : "all time";
  const filtered = Object.keys(params).some((key) => !SAID_ELSEWHERE.includes(key));
  return (
    <span>
      <strong className="font-semibold text-ink tabular-nums" data-testid="access-total">
        {count.estimated ? "about " : ""}
        {count.count.toLocaleString("en-US")}
      </strong>{" "}
      events{count.estimated && <span className="text-slate-400"> (the database&apos;s estimate)</span>} · {range} · {scope}
      {params.secret && " · of one secret"}
      {filtered && " · matching the filters above"}
    </span>
  );
}
