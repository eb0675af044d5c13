"use client";

import { useEffect, useRef, type RefObject } from "react";

/**
 * Keyboard focus after "Load more": the first new row of the table inside `scope` takes it, instead
 * of focus falling to the top of the page when the button is disabled or disappears. Call the
 * returned function in the button's click handler with the number of rows shown before.
 */
export function useFocusNewRow(scope: RefObject<HTMLElement | null>, shown: number): (before: number) => void {
  const firstNew = useRef<number | null>(null);
  useEffect(() => {
    const index = firstNew.current;
    if (index === null || shown <= index) return;
    firstNew.current = null;
    const row = scope.current?.querySelector("tbody")?.rows[index];
    if (!row) return;
    row.tabIndex = -1;
    row.focus();
  }, [scope, shown]);
  return (before) => {
    firstNew.current = before;
  };
}
