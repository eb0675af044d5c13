import { OverviewBars } from "@/components/overview/overview-bars";
import { PageHeader } from "@/components/ui/page-header";
import { Stat } from "@/components/ui/stat";
import { requirePermission } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";
import { getOverview, OVERVIEW_FILTERS } from "@/lib/data/overview/get-overview";
import { getRotationSummary } from "@/lib/data/rotation/get-rotation-summary";
import { filteredHref } from "@/lib/domain/filter-query";
import { ACK_LOOKBACK_DAYS } from "@/lib/domain/rotation/metrics";

export const metadata = { title: "Overview" };

export default async function OverviewPage() {
  const actor = await requirePermission("metrics:read");
  const o = await getOverview({ actor });
  // Sales sees no rotation calendar; everyone else gets the rotation row.
  const rotation = can(actor.role, "rotation:read") ? await getRotationSummary({ actor }) : null;
  const quarters = rotation?.onTimeByQuarter.filter((q) => q.pct !== null) ?? [];
  const lastQuarter = quarters.at(-1);
  const percent = (value: number | null | undefined) => (value === null || value === undefined ? "—" : `${Math.round(value)}%`);
  // Each card opens the filter it counts; sales sees counts without links into pages it may not open.
  const link = (card: keyof typeof OVERVIEW_FILTERS) => (can(actor.role, "secret:read") ? filteredHref("/inventory", OVERVIEW_FILTERS[card]) : undefined);
  const matrix = (card: keyof typeof OVERVIEW_FILTERS) => (can(actor.role, "ownership:read") ? filteredHref("/ownership", OVERVIEW_FILTERS[card]) : undefined);
  const pct = (n: number) => (o.secrets ? `${Math.round((n / o.secrets) * 100)}% of secrets` : undefined);

  return (
    <>
      <PageHeader title="Security overview" description="Where the truth about your secrets lives, who owns it, and what nobody knows yet." />
      <div className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        <Stat label="Secrets" value={o.secrets} hint="across all sources" href={link("secrets")} />
        <Stat label="Missing an owner role" value={o.missingRole} hint={pct(o.missingRole)} tone={o.missingRole ? "bad" : "default"} href={matrix("missingRole")} />
        <Stat label="No incident commander" value={o.missingIncidentCommander} hint={pct(o.missingIncidentCommander)} tone={o.missingIncidentCommander ? "bad" : "default"} href={matrix("missingIncidentCommander")} />
        <Stat label="Approver = operator" value={o.conflicts} hint="separation-of-duties conflicts" tone={o.conflicts ? "warn" : "default"} href={matrix("conflicts")} />
        <Stat label="Offboarded holders" value={o.offboardedHolders} hint="secrets still owned by someone who left" tone={o.offboardedHolders ? "bad" : "default"} href={matrix("offboardedHolders")} />
        <Stat label="Unknown fields" value={o.unknownFields} hint={`on ${o.withUnknowns} secrets`} tone={o.unknownFields ? "warn" : "default"} href={link("withUnknowns")} />
        <Stat label="With unsanctioned copies" value={o.withUnsanctionedCopies} hint={`secrets · ${o.unsanctionedCopies} copies on laptops, chat, repos, other stores`} tone={o.withUnsanctionedCopies ? "warn" : "default"} href={link("withUnsanctionedCopies")} />
        <Stat label="Not rotated in a year" value={o.notRotatedInYear} hint="static secrets, or rotation unknown" tone={o.notRotatedInYear ? "warn" : "default"} href={link("notRotatedInYear")} />
      </div>
      {rotation && (
        <section aria-label="Rotation" className="mt-4 grid grid-cols-2 gap-4 lg:grid-cols-4">
          <Stat label="Rotations overdue" value={rotation.overdue} hint={`${rotation.open} open in all`} tone={rotation.overdue ? "bad" : "default"} href="/rotation?view=list&overdue=1" />
          <Stat label="Rotations due in 14 days" value={rotation.dueIn14Days} hint={rotation.gaps ? `${rotation.gaps} with no owner` : "every task has an owner"} tone={rotation.gaps ? "warn" : "default"} href="/rotation?view=list&due=14" />
          <Stat label="Acknowledged within 2 days" value={percent(rotation.acknowledgedWithin2Days.pct)} hint={`${rotation.acknowledgedWithin2Days.within} of ${rotation.acknowledgedWithin2Days.count} tasks, last ${ACK_LOOKBACK_DAYS} days`} href={`/rotation?view=list&acked=${ACK_LOOKBACK_DAYS}`} />
          <Stat label="Rotated on time" value={percent(lastQuarter?.pct)} tone={lastQuarter?.pct !== null && lastQuarter?.pct !== undefined && lastQuarter.pct < 90 ? "warn" : "default"} hint={lastQuarter ? `${lastQuarter.quarter}: ${lastQuarter.onTime} of ${lastQuarter.done} done on time${quarters.length > 1 ? ` · before: ${quarters.slice(0, -1).map((q) => percent(q.pct)).join(", ")}` : ""}` : "no rotation done yet"} href={lastQuarter ? `/rotation?view=list&done=${lastQuarter.quarter}` : "/rotation"} />
        </section>
      )}
      <OverviewBars overview={o} inventory={can(actor.role, "secret:read")} accessLog={can(actor.role, "access-log:read")} />
    </>
  );
}
