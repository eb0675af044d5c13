"use client";

import { useQuery } from "@tanstack/react-query";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { apiGet } from "@/lib/http/api-client";
import type { DailyAccess } from "@/lib/data/access-events/count-daily-access";

/** Failed accesses per day for the current filter — spikes are where to look first. */
export function DailyFailuresChart({ params }: { params: Record<string, string> }) {
  const { data } = useQuery({ queryKey: ["access-events", "daily", params], queryFn: () => apiGet<{ days: DailyAccess[] }>("/api/v1/access-events/daily", params) });
  const days = data?.days ?? [];
  const failures = days.reduce((sum, d) => sum + d.failures, 0);
  const events = days.reduce((sum, d) => sum + d.events, 0);
  return (
    <section className="card mb-4 p-4" aria-label="Daily failures">
      <div className="mb-2 flex items-baseline justify-between">
        <h2 className="text-sm font-semibold text-ink">Failed accesses per day</h2>
        <p className="text-xs text-slate-500" data-testid="daily-totals">
          {failures.toLocaleString("en-US")} failures of {events.toLocaleString("en-US")} events{params.from || params.to ? "" : " in the last 90 days"}
        </p>
      </div>
      <div className="h-36">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={days} margin={{ top: 4, right: 4, bottom: 0, left: -16 }}>
            <CartesianGrid vertical={false} stroke="#e2e8f0" />
            <XAxis dataKey="day" tick={{ fontSize: 10, fill: "#64748b" }} tickFormatter={(d: string) => d.slice(5)} minTickGap={24} />
            <YAxis tick={{ fontSize: 10, fill: "#64748b" }} allowDecimals={false} />
            <Tooltip formatter={(value) => [value, "failures"]} labelFormatter={(d) => `${d} (UTC)`} />
            <Bar dataKey="failures" fill="#dc2626" radius={[2, 2, 0, 0]} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </section>
  );
}
