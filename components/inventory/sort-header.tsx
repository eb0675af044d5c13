"use client";

import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import { FilterCount } from "@/components/inventory/filter-count";

type UnknownProps = { count?: number; filter?: [key: string, value: string] };
type Props = { label: string; sortKey: string; params: Record<string, string>; update: (c: Record<string, string | undefined>) => void; unknown?: UnknownProps };

/** A column header that sorts on click (asc → desc), with the column's unknown count beneath it. */
export function SortHeader({ label, sortKey, params, update, unknown }: Props) {
  const current = (params.sort ?? "name") === sortKey;
  const dir = current ? (params.dir ?? "asc") : undefined;
  const Icon = dir === "asc" ? ArrowUp : dir === "desc" ? ArrowDown : ArrowUpDown;
  return (
    <th scope="col" aria-sort={dir === "asc" ? "ascending" : dir === "desc" ? "descending" : "none"} className="px-2.5 py-2.5 text-left align-top whitespace-nowrap">
      <button type="button" className="inline-flex items-center gap-1 font-medium hover:text-ink" onClick={() => update({ sort: sortKey, dir: current && dir === "asc" ? "desc" : "asc" })}>
        {label}
        <Icon className={`size-3.5 ${current ? "text-brand-600" : "text-slate-300"}`} aria-hidden />
      </button>
      <UnknownCount {...unknown} />
    </th>
  );
}

/** "12 unknown" beneath a column header; with a filter, a click shows those rows. */
export function UnknownCount({ count, filter }: UnknownProps) {
  if (count === undefined) return null;
  const text = count ? `${count} unknown` : "all known";
  return (
    <div className={`text-[11px] font-normal ${count ? "text-amber-700" : "text-slate-400"}`} data-unknown-count>
      {filter ? <FilterCount count={count} filter={filter}>{text}</FilterCount> : text}
    </div>
  );
}
