"use client";

import type { UseInfiniteQueryResult } from "@tanstack/react-query";

type Props = { query: Pick<UseInfiniteQueryResult, "hasNextPage" | "fetchNextPage" | "isFetchingNextPage" | "isPending" | "isError" | "error">; shown: number; total: number | undefined; noun: string };

/** The foot of a keyset-paginated table: state, count, and "Load more". */
export function TablePager({ query, shown, total, noun }: Props) {
  if (query.isPending) return <p className="px-4 py-10 text-center text-sm text-slate-400">Loading {noun}…</p>;
  if (query.isError) return <p role="alert" className="px-4 py-10 text-center text-sm text-red-600">Could not load {noun}: {query.error?.message}</p>;
  if (shown === 0) return <p className="px-4 py-10 text-center text-sm text-slate-500">No {noun} match these filters.</p>;
  return (
    <div className="flex items-center justify-between border-t border-slate-100 px-4 py-3 text-sm text-slate-500">
      <span data-testid="shown-count">
        Showing {shown}
        {total !== undefined && ` of ${total}`} {noun}
      </span>
      {query.hasNextPage && (
        <button type="button" className="btn" disabled={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
          {query.isFetchingNextPage ? "Loading…" : "Load more"}
        </button>
      )}
    </div>
  );
}
