import { FilterCount } from "@/components/inventory/filter-count";
import type { SecretSummary } from "@/lib/data/secrets/summarize-secrets";

const Dot = () => <span className="mx-2 text-slate-300">·</span>;

/** "172 secrets · 98 missing a role · …" for the current filters; each count sets its filter. */
export function SummaryLine({ summary }: { summary: SecretSummary | undefined }) {
  if (!summary) return <p className="h-5 text-sm text-slate-400">Counting…</p>;
  return (
    <p className="text-sm text-slate-600" data-testid="summary-line">
      <strong className="font-semibold text-ink" data-testid="total-count">{summary.total}</strong> secrets
      <Dot />
      <FilterCount count={summary.missing.incident_commander} filter={["gaps", "incident_commander"]} className="text-red-600">
        {summary.missing.incident_commander} without incident commander
      </FilterCount>
      <Dot />
      <FilterCount count={summary.conflicts} filter={["gaps", "conflict"]} className="text-orange-600">
        {summary.conflicts} approver = operator
      </FilterCount>
      <Dot />
      <FilterCount count={summary.offboardedHolders} filter={["gaps", "offboarded"]} className="text-purple-700">
        {summary.offboardedHolders} with an offboarded holder
      </FilterCount>
      <Dot />
      <FilterCount count={summary.unknownFields} filter={["unknowns", "true"]} className="text-amber-700">
        <span data-testid="unknown-fields">{summary.unknownFields}</span> unknown fields
      </FilterCount>
    </p>
  );
}
