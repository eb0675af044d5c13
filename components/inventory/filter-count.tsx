"use client";

import type { ReactNode } from "react";
import { useSecretViewParams } from "@/components/inventory/use-secret-list";

type Props = { count: number; filter: [key: string, value: string]; className?: string; children: ReactNode };

/**
 * A count in the inventory or the matrix that sets the filter it counts. It is only a button when
 * that filter narrows the current view to exactly the counted rows: the parameter is unset, or
 * already holds the value (a gap count under another gap filter counts an intersection, so it stays text).
 */
export function FilterCount({ count, filter: [key, value], className = "", children }: Props) {
  const { params, update } = useSecretViewParams();
  const current = params[key];
  const narrows = count > 0 && (!current || current.split(",").includes(value));
  if (!narrows) return <span className={className}>{children}</span>;
  return (
    <button type="button" className={`${className} underline-offset-2 hover:underline`} data-count={count} data-filter={`${key}=${value}`} onClick={() => update({ [key]: value })}>
      {children}
    </button>
  );
}
