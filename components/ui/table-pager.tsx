"use client";

import type { UseInfiniteQueryResult } from "@tanstack/react-query";
import { useRef } from "react";
import { useFocusNewRow } from "@/components/ui/use-focus-new-row";

type Props = {
  query: Pick<UseInfiniteQueryResult, "hasNextPage" | "fetchNextPage" | "isFetchingNextPage" | "isPending" | "isError" | "error">;
  shown: number;
  total: number | undefined;
  /** The total is the planner's estimate: said "about N". */
  estimated?: boolean;
  noun: string;
};

/**
 * The foot of a keyset-paginated table: state, count, and "Load more". After Load more, keyboard
 * focus goes to the first new row of the table this pager foots (use-focus-new-row.ts).
 */
export function TablePager({ query, shown, total, estimated = false, noun }: Props) {
  // The table this pager foots: the one in the pager's container.
  const container = useRef<HTMLElement | null>(null);
  const focusNewRow = useFocusNewRow(container, shown);

  if (query.isPending) return <p className="px-4 py-10 text-center text-sm text-slate-400">Loading {noun}…</p>;
  if (query.isError) return <p role="alert" className="px-4 py-10 text-center text-sm text-red-600">Could not load {noun}: {query.error?.message}</p>;
  if (shown === 0) return <p className="px-4 py-10 text-center text-sm text-slate-500">No {noun} match these filters.</p>;
  const of = total === undefined ? "" : ` of ${estimated ? "about " : ""}${total.toLocaleString("en-US")}`;
  return (
    <div ref={(node) => void (container.current = node?.parentElement ?? null)} className="flex items-center justify-between gap-3 border-t border-slate-100 px-4 py-3 text-sm text-slate-500">
      <span data-testid="shown-count">
        Showing {shown.toLocaleString("en-US")}
        {of} {noun}
      </span>
      {query.hasNextPage && (
        <button
          type="button"
          className="btn"
          disabled={query.isFetchingNextPage}
          onClick={() => {
            focusNewRow(shown);
            void query.fetchNextPage();
          }}
        >
          {query.isFetchingNextPage ? "Loading…" : "Load more"}
        </button>
      )}
    </div>
  );
}
