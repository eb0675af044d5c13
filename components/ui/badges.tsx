// Small status badges used across the inventory, matrix and detail pages.
import { CircleHelp } from "lucide-react";
import { label } from "@/lib/domain/format";

const base = "inline-flex items-center gap-1 rounded-md px-1.5 py-0.5 text-xs font-medium whitespace-nowrap";

/** `unknown` is a value in its own right: visible, never blank. */
export function Unknown({ what }: { what?: string }) {
  return (
    <span className={`${base} border border-dashed border-amber-400 bg-amber-50 text-amber-800`} title={what ? `Nobody has recorded the ${what}` : "Nobody has recorded this"} data-unknown>
      <CircleHelp className="size-3" aria-hidden />
      unknown
    </span>
  );
}

const TIER_STYLES = ["", "bg-red-100 text-red-800 ring-red-200", "bg-orange-100 text-orange-800 ring-orange-200", "bg-sky-100 text-sky-800 ring-sky-200", "bg-slate-100 text-slate-700 ring-slate-200"];
export const TIER_NAMES = ["", "Payment · auth · DB admin", "Customer-data APIs", "Internal tooling", "Low-impact integrations"];

export function TierBadge({ tier }: { tier: number | null }) {
  if (tier === null) return <Unknown what="tier" />;
  return (
    <span className={`${base} ring-1 ring-inset ${TIER_STYLES[tier]}`} title={TIER_NAMES[tier]}>
      Tier {tier}
    </span>
  );
}

const ENV_STYLES: Record<string, string> = {
  prod: "bg-rose-50 text-rose-700 ring-rose-200",
  staging: "bg-amber-50 text-amber-700 ring-amber-200",
  dev: "bg-emerald-50 text-emerald-700 ring-emerald-200",
};

export function EnvironmentBadge({ environment }: { environment: string | null }) {
  if (environment === null) return <Unknown what="environment" />;
  return <span className={`${base} ring-1 ring-inset ${ENV_STYLES[environment] ?? "bg-slate-100 text-slate-700 ring-slate-200"}`}>{environment}</span>;
}

export function Flag({ tone, children, title }: { tone: "red" | "orange" | "purple" | "slate" | "green"; children: React.ReactNode; title?: string }) {
  const tones = {
    red: "bg-red-50 text-red-700 ring-red-200",
    orange: "bg-orange-50 text-orange-700 ring-orange-200",
    purple: "bg-purple-50 text-purple-700 ring-purple-200",
    slate: "bg-slate-100 text-slate-600 ring-slate-200",
    green: "bg-emerald-50 text-emerald-700 ring-emerald-200",
  };
  return (
    <span className={`${base} ring-1 ring-inset ${tones[tone]}`} title={title}>
      {children}
    </span>
  );
}

/** A value, or the unknown badge when nobody knows it. */
export function Known({ value, what }: { value: string | number | null | undefined; what: string }) {
  if (value === null || value === undefined || value === "") return <Unknown what={what} />;
  return <>{typeof value === "string" ? label(value) : value}</>;
}
