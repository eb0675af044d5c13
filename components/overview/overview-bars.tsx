import { TIER_NAMES } from "@/components/ui/badges";
import type { Overview } from "@/lib/data/overview/get-overview";
import { label } from "@/lib/domain/format";

function Bars({ title, rows }: { title: string; rows: { name: string; count: number; color: string }[] }) {
  const max = Math.max(1, ...rows.map((r) => r.count));
  return (
    <section className="card p-5">
      <h2 className="mb-4 text-sm font-semibold text-ink">{title}</h2>
      <ul className="space-y-2.5">
        {rows.map((row) => (
          <li key={row.name} className="grid grid-cols-[15rem_1fr_3rem] items-center gap-3 text-sm">
            <span className="truncate text-slate-600">{row.name}</span>
            <span className="h-2.5 rounded-full bg-slate-100">
              <span className={`block h-2.5 rounded-full ${row.color}`} style={{ width: `${(row.count / max) * 100}%` }} />
            </span>
            <span className="text-right tabular-nums text-slate-700">{row.count}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

const TIER_COLORS = ["bg-amber-400", "bg-red-500", "bg-orange-400", "bg-sky-400", "bg-slate-400"];

export function OverviewBars({ overview }: { overview: Overview }) {
  return (
    <div className="mt-6 grid gap-4 lg:grid-cols-2">
      <Bars
        title="Secrets by tier"
        rows={overview.byTier.map((t) => ({ name: t.tier ? `Tier ${t.tier} · ${TIER_NAMES[t.tier]}` : "Tier unknown", count: t.count, color: TIER_COLORS[t.tier ?? 0] ?? "bg-slate-400" }))}
      />
      <Bars
        title="Secrets by environment"
        rows={overview.byEnvironment.map((e) => ({ name: e.environment ? label(e.environment) : "Environment unknown", count: e.count, color: e.environment ? "bg-brand-500" : "bg-amber-400" }))}
      />
      <section className="card p-5 lg:col-span-2">
        <h2 className="text-sm font-semibold text-ink">Access in the last 30 days</h2>
        <p className="mt-2 text-sm text-slate-600">
          <span className="text-2xl font-semibold tabular-nums text-ink">{overview.events30d.toLocaleString("en-US")}</span> access events, of which{" "}
          <span className="font-semibold text-red-600">{overview.failures30d.toLocaleString("en-US")}</span> failed.
        </p>
      </section>
    </div>
  );
}
