"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { PlugZap, RefreshCw } from "lucide-react";
import { DeleteSource } from "@/components/sources/delete-source";
import { sourceKeys, useSource } from "@/components/sources/use-source";
import { apiSend } from "@/lib/http/api-client";
import type { ConnectionTest } from "@/lib/data/sources/test-source";

type Message = { ok: boolean; text: string; runId?: string };

export function SourceActions({ id, name, enabled: initiallyEnabled, demo }: { id: string; name: string; enabled: boolean; demo: boolean }) {
  const client = useQueryClient();
  const { data } = useSource(id);
  const enabled = data?.source.enabled ?? initiallyEnabled;
  const [message, setMessage] = useState<Message | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: sourceKeys.all });
  const sync = useMutation({
    mutationFn: () => apiSend<{ runId: string }>("POST", `/api/v1/sources/${id}/sync`),
    onSuccess: ({ runId }) => setMessage({ ok: true, text: "Sync queued — progress shows below.", runId }),
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
    onSuccess: () => setMessage({ ok: true, text: enabled ? "Disabled: it is not synced until it is enabled again." : "Enabled: it syncs on its schedule again." }),
    onError: (e) => setMessage({ ok: false, text: e.message }),
    onSettled: refresh,
  });
  // "Sync queued" speaks of one run: once that run has ended, its outcome is in the status and the history.
  const run = message?.runId ? data?.runs.find((r) => r.id === message.runId) : undefined;
  const shown = run && run.status !== "queued" && run.status !== "running" ? null : message;
  return (
    <div className="flex flex-col items-start gap-2 md:items-end">
      <div className="flex flex-wrap gap-2">
        <button type="button" className="btn" disabled={demo || test.isPending} onClick={() => test.mutate()}>
          <PlugZap className="size-4" aria-hidden /> {test.isPending ? "Testing…" : "Test connection"}
        </button>
        <button type="button" className="btn-primary" disabled={demo || !enabled || sync.isPending} onClick={() => sync.mutate()}>
          <RefreshCw className={`size-4 ${sync.isPending ? "animate-spin" : ""}`} aria-hidden /> Sync now
        </button>
        <button type="button" className="btn" disabled={toggle.isPending} onClick={() => toggle.mutate()}>
          {enabled ? "Disable" : "Enable"}
        </button>
        <DeleteSource id={id} name={name} secretCount={data?.counts.secrets} />
      </div>
      {shown && (
        <p role="status" className={`max-w-xl text-sm md:text-right ${shown.ok ? "text-emerald-700" : "text-red-700"}`}>
          {shown.text}
        </p>
      )}
    </div>
  );
}
