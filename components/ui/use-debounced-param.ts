"use client";

import { useEffect, useState } from "react";

/**
 * A text filter typed into a field and written to the URL after a pause. A change of the URL from
 * elsewhere (a click on an actor, a link to the same page) shows in the field instead of being
 * overwritten by what the field held — what made the access log's actor filter reset itself.
 */
export function useDebouncedParam(value: string | undefined, write: (value: string | undefined) => void, delay = 300) {
  const [text, setText] = useState(value ?? "");
  const [seen, setSeen] = useState(value);
  // What this field wrote and the URL has not echoed yet (null: nothing pending).
  const [pending, setPending] = useState<string | undefined | null>(null);
  if (value !== seen) {
    setSeen(value);
    // The echo of this field's own write is no news (the user may have typed on); anything else replaces the text.
    if (value === pending) setPending(null);
    else setText(value ?? "");
  }
  useEffect(() => {
    if ((value ?? "") === text) return;
    const timer = setTimeout(() => {
      setPending(text || undefined);
      write(text || undefined);
    }, delay);
    return () => clearTimeout(timer);
  }, [text, value, write, delay]);
  return [text, setText] as const;
}
