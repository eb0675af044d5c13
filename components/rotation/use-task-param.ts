"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useCallback } from "react";

/**
 * The open task lives in the URL (`?task=<id>`), so a link from a reminder or a calendar event
 * lands on it and Back closes it. Opening pushes a history entry; closing replaces it.
 */
export function useTaskParam() {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const taskId = searchParams.get("task");
  const open = useCallback(
    (id: string) => {
      const next = new URLSearchParams(searchParams);
      next.set("task", id);
      window.history.pushState(null, "", `${pathname}?${next}`);
    },
    [searchParams, pathname],
  );
  const close = useCallback(() => {
    const next = new URLSearchParams(searchParams);
    next.delete("task");
    const query = next.toString();
    window.history.replaceState(null, "", query ? `${pathname}?${query}` : pathname);
  }, [searchParams, pathname]);
  return { taskId, open, close };
}
