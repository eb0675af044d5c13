import type { SecretSummary } from "@/lib/data/secrets/summarize-secrets";

/** "172 secrets · 98 missing a role · …" for the current filters. */
export function SummaryLine({ summary }: { summary: SecretSummary | undefined }) {
  if (!summary) return <p className="h-5 text-sm text-slate-400">Counting…</p>;
  const unknownTotal = Object.values(summary.unknown).reduce((a, b) => a + b, 0);
  return (
    <p className="text-sm text-slate-600" data-testid="summary-line">
      <strong className="font-semibold text-ink" data-testid="total-count">{summary.total}</strong> secrets
      <span className="mx-2 text-slate-300">·</span>
      <span className="text-red-600">{summary.missing.incident_commander} without incident commander</span>
      <span className="mx-2 text-slate-300">·</span>
      <span className="text-orange-600">{summary.conflicts} approver = operator</span>
      <span className="mx-2 text-slate-300">·</span>
      <span className="text-purple-700">{summary.offboardedHolders} with an offboarded holder</span>
      <span className="mx-2 text-slate-300">·</span>
      <span className="text-amber-700">{unknownTotal} unknown fields</span>
    </p>
  );
}
