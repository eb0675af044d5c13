"use client";

import { useState } from "react";
import { Copy } from "lucide-react";
import type { LeastPrivilegePolicy } from "@/lib/sources/types";

/** The least-privilege policy for this store, ready to copy. */
export function PolicyBlock({ policy }: { policy: LeastPrivilegePolicy }) {
  const [copied, setCopied] = useState(false);
  return (
    <section className="card p-5" aria-label="Least-privilege policy">
      <div className="mb-3 flex items-center justify-between gap-2">
        <h2 className="text-sm font-semibold text-ink">{policy.title}</h2>
        <button
          type="button"
          className="btn"
          onClick={() => void navigator.clipboard?.writeText(policy.text).then(() => setCopied(true), () => setCopied(false))}
        >
          <Copy className="size-4" aria-hidden /> {copied ? "Copied" : "Copy"}
        </button>
      </div>
      <pre className="max-h-96 overflow-auto rounded-lg bg-ink p-4 font-mono text-xs leading-relaxed break-words whitespace-pre-wrap text-slate-100" data-testid="policy">
        {policy.text}
      </pre>
      {policy.notes && <p className="mt-3 text-xs text-slate-500">{policy.notes}</p>}
    </section>
  );
}
