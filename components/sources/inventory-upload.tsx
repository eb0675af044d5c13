"use client";

import { useState } from "react";
import { FileUp } from "lucide-react";
import { ApiError, apiSend } from "@/lib/http/api-client";

type Counts = { read: number; added: number; changed: number; unchanged: number; missing: number };
type Imported = { dryRun: boolean; source: { name: string }; counts: Counts };
type Outcome = ({ ok: true } & Imported) | { ok: false; summary: string; errors: { field: string; message: string }[] };

/** What a check found or an import did, in words: a check writes nothing and says what an import would do. */
function done({ dryRun, source, counts: c }: Imported): string {
  if (dryRun) return `Checked: nothing was written. Importing this file into "${source.name}" would add ${c.added}, change ${c.changed}, leave ${c.unchanged} unchanged and mark ${c.missing} missing (${c.read} read).`;
  return `Imported into "${source.name}": ${c.read} read, ${c.added} added, ${c.changed} changed, ${c.unchanged} unchanged, ${c.missing} marked missing.`;
}

/** The refusal's headline; its problems are listed once, below it (the API's detail repeats them). */
function refused(error: unknown, fileName: string, dryRun: boolean): Outcome {
  const errors = error instanceof ApiError ? error.errors : [];
  if (!errors.length) return { ok: false, summary: (error as Error).message, errors };
  const problems = `${errors.length} problem${errors.length === 1 ? "" : "s"}`;
  return { ok: false, summary: dryRun ? `${fileName} was checked: ${problems}; nothing was written.` : `${fileName} was not imported: ${problems}; nothing was written.`, errors };
}

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
      setOutcome(refused(error, file.name, dryRun));
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
          {done(outcome)}
        </p>
      )}
      {outcome && !outcome.ok && (
        <div role="alert" className="mt-3 rounded-lg border border-red-200 bg-red-50 p-3 text-sm text-red-800">
          <p className="font-medium">{outcome.summary}</p>
          <ul className="mt-1 list-disc pl-5">
            {outcome.errors.map((e, i) => (
              <li key={i} className="break-words">
                <span className="font-mono text-xs">{e.field}</span>: {e.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
