"use client";

import { useState } from "react";
import { FileUp } from "lucide-react";
import { ApiError, apiSend } from "@/lib/http/api-client";

type Counts = { read: number; added: number; changed: number; unchanged: number; missing: number };
type Imported = { dryRun: boolean; source: { name: string }; counts: Counts };
type Outcome = ({ ok: true } & Imported) | { ok: false; detail: string; errors: { field: string; message: string }[] };

/** Import an inventory file (CSV or YAML): check first, then import — all or nothing, every problem located. */
export function InventoryUpload() {
  const [file, setFile] = useState<File | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);

  async function send(dryRun: boolean) {
    if (!file) return;
    setBusy(true);
    try {
      const imported = await apiSend<Imported>("POST", "/api/v1/inventory-file", { fileName: file.name, text: await file.text(), dryRun });
      setOutcome({ ok: true, ...imported });
    } catch (error) {
      setOutcome({ ok: false, detail: (error as Error).message, errors: error instanceof ApiError ? error.errors : [] });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card mt-6 p-5" aria-label="Inventory file">
      <h2 className="mb-1 flex items-center gap-2 text-sm font-semibold text-ink">
        <FileUp className="size-4 text-brand-600" aria-hidden /> Inventory file
      </h2>
      <p className="mb-4 text-xs text-slate-500">
        The hand-kept list of secrets that live in no store, as CSV or YAML.{" "}
        <a className="text-brand-700 hover:underline" href="/api/v1/inventory-file?format=csv">Download the current file</a> ·{" "}
        <a className="text-brand-700 hover:underline" href="/api/v1/inventory-file?format=yaml">as YAML</a>. An import is all or nothing.
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <input type="file" aria-label="Inventory file to import" accept=".csv,.tsv,.txt,.yaml,.yml" className="text-sm" onChange={(e) => (setFile(e.target.files?.[0] ?? null), setOutcome(null))} />
        <button type="button" className="btn" disabled={!file || busy} onClick={() => void send(true)}>
          Check
        </button>
        <button type="button" className="btn-primary" disabled={!file || busy} onClick={() => void send(false)}>
          Import
        </button>
      </div>
      {outcome?.ok && (
        <p role="status" className="mt-3 text-sm text-emerald-700">
          {outcome.dryRun ? "Checked — nothing changed yet" : `Imported into "${outcome.source.name}"`}: {outcome.counts.read} read, {outcome.counts.added} added, {outcome.counts.changed} changed,{" "}
          {outcome.counts.unchanged} unchanged, {outcome.counts.missing} missing from the file.
        </p>
      )}
      {outcome && !outcome.ok && (
        <div role="alert" className="mt-3 rounded-lg border border-red-200 bg-red-50 p-3 text-sm text-red-800">
          <p className="font-medium">{outcome.detail}</p>
          <ul className="mt-1 list-disc pl-5">
            {outcome.errors.map((e) => (
              <li key={`${e.field}:${e.message}`}>
                <span className="font-mono text-xs">{e.field}</span>: {e.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
