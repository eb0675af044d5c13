"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";

/** A list view's parameters, kept in the URL (shareable, survive reload): only `keys` are read. */
export function useViewParams(keys: readonly string[]) {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const params = useMemo(() => {
    const out: Record<string, string> = {};
    for (const key of keys) {
      const value = searchParams.get(key);
      if (value) out[key] = value;
    }
    return out;
  }, [searchParams, keys]);

  const update = useCallback(
    (changes: Record<string, string | undefined>) => {
      // From the URL as it is now, not as of the last render: two quick changes both count.
      const next = new URLSearchParams(window.location.search);
      for (const [key, value] of Object.entries(changes)) {
        if (value) next.set(key, value);
        else next.delete(key);
      }
      const query = next.toString();
      window.history.replaceState(null, "", query ? `${pathname}?${query}` : pathname);
    },
    [pathname],
  );
  return { params, update };
}
