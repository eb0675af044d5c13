"use client";

import { splitActor } from "@/lib/domain/actor-cut";

/**
 * A long actor cut in the middle where it does not fit ("arn:aws:sts::1234…payments-api/i-0a1b"),
 * keeping the end where actors differ. The whole value stays in the page: hovering shows it (title)
 * and copying gives it — the two parts are separate boxes, which a copy would join with a line
 * break, so the copy puts the actor back together.
 */
export function ActorName({ actor }: { actor: string }) {
  const { head, tail } = splitActor(actor);
  return (
    <span
      className="flex min-w-0 max-w-full"
      title={actor}
      data-actor={actor}
      onCopy={(event) => {
        const selected = window.getSelection()?.toString() ?? "";
        const whole = selected.replace(/\r?\n/g, (gap, at: number) => (selected.slice(0, at).endsWith(head) && selected.slice(at + gap.length).startsWith(tail) ? "" : gap));
        if (whole === selected) return;
        event.clipboardData.setData("text/plain", whole);
        event.preventDefault();
      }}
    >
      {head && <span className="min-w-[4ch] shrink-[1000] truncate" data-actor-head>{head}</span>}
      {/* The tail never gives way to the head (not even a fraction of a pixel); it is cut only when it alone does not fit. */}
      <span className="max-w-full shrink-0 truncate">{tail}</span>
    </span>
  );
}
