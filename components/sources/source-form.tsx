"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ApiError, apiSend } from "@/lib/http/api-client";
import { sourceKeys } from "@/components/sources/use-source";
import { LABELS } from "@/lib/domain/format";
import { INTERVAL_CHOICES, intervalWords } from "@/lib/domain/sync-schedule";
import { SOURCE_EXAMPLES } from "@/lib/sources/examples";
import type { SourceKind } from "@/lib/sources/types";

type Problem = { field: string | null; message: string };
type Editable = { id: string; kind: string; name: string; config: Record<string, unknown>; syncIntervalMinutes: number; tagKeys: Record<string, string[]> | null };
const KINDS = Object.keys(SOURCE_EXAMPLES) as Exclude<SourceKind, "inventory_file">[];

/** Add or edit a source. Configuration is JSON (where the store is, where credentials come from — never credentials). */
export function SourceForm({ mode, source }: { mode: "new" | "edit"; source?: Editable }) {
  const router = useRouter();
  const client = useQueryClient();
  const [kind, setKind] = useState<string>(source?.kind ?? "aws_secrets_manager");
  const [name, setName] = useState(source?.name ?? "");
  const [config, setConfig] = useState(JSON.stringify(source?.config ?? SOURCE_EXAMPLES.aws_secrets_manager.config, null, 2));
  const [tagKeys, setTagKeys] = useState(source?.tagKeys ? JSON.stringify(source.tagKeys, null, 2) : "");
  const [interval, setIntervalMinutes] = useState(String(source?.syncIntervalMinutes ?? 60));
  const [problems, setProblems] = useState<Problem[]>([]);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const intervals = [...new Set([...INTERVAL_CHOICES, Number(interval)])].sort((a, b) => a - b);

  const chooseKind = (next: string) => {
    setKind(next);
    if (mode === "new") setConfig(JSON.stringify(SOURCE_EXAMPLES[next as (typeof KINDS)[number]]?.config ?? {}, null, 2));
  };

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const local: Problem[] = [];
    const parse = (text: string, field: string) => {
      try {
        return text.trim() ? JSON.parse(text) : null;
      } catch (e) {
        local.push({ field, message: `not valid JSON (${(e as Error).message})` });
        return undefined;
      }
    };
    const body = { name, config: parse(config, "config") ?? {}, tagKeys: parse(tagKeys, "tag keys"), syncIntervalMinutes: Number(interval), ...(mode === "new" ? { kind } : {}) };
    if (local.length) return setProblems(local);
    setSaving(true);
    setSaved(null);
    try {
      const result = await apiSend<{ id: string; name: string; syncIntervalMinutes: number }>(mode === "new" ? "POST" : "PATCH", mode === "new" ? "/api/v1/sources" : `/api/v1/sources/${source!.id}`, body);
      setProblems([]);
      if (mode === "new") return router.push(`/sources/${result.id}`);
      setSaved(`Saved "${result.name}": synced ${intervalWords(result.syncIntervalMinutes)}, configuration and tag keys as shown.`);
      await client.invalidateQueries({ queryKey: sourceKeys.all });
      router.refresh();
    } catch (error) {
      const errors = error instanceof ApiError ? error.errors : [];
      setProblems(errors.length ? errors.map((e) => ({ field: e.field.replace(/^body\./, ""), message: e.message })) : [{ field: null, message: (error as Error).message }]);
    } finally {
      setSaving(false);
    }
  }

  const example = SOURCE_EXAMPLES[kind as (typeof KINDS)[number]];
  return (
    <form onSubmit={submit} className="card space-y-4 p-5" aria-label={mode === "new" ? "Add source" : "Edit source"}>
      <h2 className="text-sm font-semibold text-ink">{mode === "new" ? "New source" : "Edit source"}</h2>
      <div className="grid grid-cols-1 gap-4 md:grid-cols-3">
        <label className="flex flex-col gap-1 text-xs font-medium text-slate-500">
          Store
          <select className="field" value={kind} disabled={mode === "edit"} onChange={(e) => chooseKind(e.target.value)} name="kind">
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {LABELS[k] ?? k}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium text-slate-500">
          Name
          <input className="field" name="name" value={name} onChange={(e) => setName(e.target.value)} placeholder="AWS Secrets Manager · production" required />
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium text-slate-500">
          Sync schedule
          <select className="field" name="interval" value={interval} onChange={(e) => (setIntervalMinutes(e.target.value), setSaved(null))}>
            {intervals.map((minutes) => (
              <option key={minutes} value={minutes}>
                {intervalWords(minutes)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label className="flex flex-col gap-1 text-xs font-medium text-slate-500">
        Configuration (JSON)
        <textarea className="field min-h-36 font-mono text-xs" name="config" value={config} onChange={(e) => setConfig(e.target.value)} spellCheck={false} />
      </label>
      {example && (
        <p className="text-xs text-slate-500">
          Credentials: {example.credentials} The worker reads only the variables its operator lists in <code className="font-mono">KEYLEDGER_CREDENTIAL_ENV</code> and files
          in <code className="font-mono">KEYLEDGER_CREDENTIAL_DIR</code>. Never put a credential in the configuration.
        </p>
      )}
      <label className="flex flex-col gap-1 text-xs font-medium text-slate-500">
        Tag keys (JSON, optional) — which tags name owners, environment, tier, service
        <textarea className="field min-h-16 font-mono text-xs" name="tagKeys" value={tagKeys} onChange={(e) => setTagKeys(e.target.value)} placeholder='{"operator": ["owner", "team-owner"], "environment": ["env"]}' spellCheck={false} />
      </label>
      {problems.length > 0 && (
        <ul role="alert" className="space-y-1.5 rounded-lg border border-red-200 bg-red-50 px-4 py-2.5 text-sm text-red-800">
          {problems.map((p) => (
            <li key={`${p.field}:${p.message}`} className="break-words">
              {p.field && <code className="rounded bg-red-100 px-1 py-0.5 font-mono text-xs font-semibold text-red-900">{p.field}</code>}
              {p.field && ": "}
              {p.message}
            </li>
          ))}
        </ul>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className="btn-primary" disabled={saving}>
          {saving ? "Saving…" : mode === "new" ? "Add source" : "Save changes"}
        </button>
        {saved && (
          <p role="status" className="text-sm text-emerald-700">
            {saved}
          </p>
        )}
      </div>
    </form>
  );
}
