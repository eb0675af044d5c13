"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { PlugZap, RefreshCw } from "lucide-react";
import { sourceKeys, useSource } from "@/components/sources/use-source";
import { apiSend } from "@/lib/http/api-client";
import type { ConnectionTest } from "@/lib/data/sources/test-source";

export function SourceActions({ id, enabled: initiallyEnabled, demo }: { id: string; enabled: boolean; demo: boolean }) {
  const client = useQueryClient();
  const enabled = useSource(id).data?.source.enabled ?? initiallyEnabled;
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: sourceKeys.all });
  const sync = useMutation({
    mutationFn: () => apiSend<{ runId: string }>("POST", `/api/v1/sources/${id}/sync`),
    onSuccess: () => setMessage({ ok: true, text: "Sync queued — progress shows below." }),
    onError: (e) => setMessage({ ok: false, text: e.message }),
    onSettled: refresh,
  });
  const test = useMutation({
    mutationFn: () => apiSend<ConnectionTest>("POST", `/api/v1/sources/${id}/test`),
    onSuccess: (r) => setMessage(r.ok ? { ok: true, text: `Connected: ${r.detail}` } : { ok: false, text: r.error }),
    onError: (e) => setMessage({ ok: false, text: e.message }),
  });
  const toggle = useMutation({
    mutationFn: () => apiSend("PATCH", `/api/v1/sources/${id}`, { enabled: !enabled }),
    onError: (e) => setMessage({ ok: false, text: e.message }),
    onSettled: refresh,
  });
  return (
    <div className="flex flex-col items-end gap-2">
      <div className="flex gap-2">
        <button type="button" className="btn" disabled={demo || test.isPending} onClick={() => test.mutate()}>
          <PlugZap className="size-4" aria-hidden /> {test.isPending ? "Testing…" : "Test connection"}
        </button>
        <button type="button" className="btn-primary" disabled={demo || !enabled || sync.isPending} onClick={() => sync.mutate()}>
          <RefreshCw className={`size-4 ${sync.isPending ? "animate-spin" : ""}`} aria-hidden /> Sync now
        </button>
        <button type="button" className="btn" disabled={toggle.isPending} onClick={() => toggle.mutate()}>
          {enabled ? "Disable" : "Enable"}
        </button>
      </div>
      {message && (
        <p role="status" className={`max-w-xl text-right text-sm ${message.ok ? "text-emerald-700" : "text-red-700"}`}>
          {message.text}
        </p>
      )}
    </div>
  );
}
