"use client";

import type { UseInfiniteQueryResult } from "@tanstack/react-query";
import { useEffect, useRef } from "react";

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
 * focus goes to the first new row of the table this pager foots (the tbody in the same container),
 * instead of falling to the top of the page when the button is disabled or disappears.
 */
export function TablePager({ query, shown, total, estimated = false, noun }: Props) {
  const root = useRef<HTMLDivElement>(null);
  const firstNew = useRef<number | null>(null);
  useEffect(() => {
    const index = firstNew.current;
    if (index === null || shown <= index) return;
    firstNew.current = null;
    const row = root.current?.parentElement?.querySelector("tbody")?.rows[index];
    if (!row) return;
    row.tabIndex = -1;
    row.focus();
  }, [shown]);

  if (query.isPending) return <p className="px-4 py-10 text-center text-sm text-slate-400">Loading {noun}…</p>;
  if (query.isError) return <p role="alert" className="px-4 py-10 text-center text-sm text-red-600">Could not load {noun}: {query.error?.message}</p>;
  if (shown === 0) return <p className="px-4 py-10 text-center text-sm text-slate-500">No {noun} match these filters.</p>;
  const of = total === undefined ? "" : ` of ${estimated ? "about " : ""}${total.toLocaleString("en-US")}`;
  return (
    <div ref={root} className="flex items-center justify-between gap-3 border-t border-slate-100 px-4 py-3 text-sm text-slate-500">
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
            firstNew.current = shown;
            void query.fetchNextPage();
          }}
        >
          {query.isFetchingNextPage ? "Loading…" : "Load more"}
        </button>
      )}
    </div>
  );
}
