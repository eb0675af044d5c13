"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { Trash2 } from "lucide-react";
import { apiSend } from "@/lib/http/api-client";
import type { DeletedSource } from "@/lib/data/sources/delete-source";

/**
 * Delete, after a modal confirm that says what happens (lib/data/sources/delete-source.ts). The
 * confirm opens on Cancel, so Enter or Escape right away deletes nothing; focus returns to the button.
 */
export function DeleteSource({ id, name, secretCount }: { id: string; name: string; secretCount: number | undefined }) {
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const secrets = secretCount === undefined ? "Its secrets" : `Its ${secretCount} secret${secretCount === 1 ? "" : "s"}`;

  async function confirm() {
    setBusy(true);
    try {
      const deleted = await apiSend<DeletedSource>("DELETE", `/api/v1/sources/${id}`);
      router.push(`/sources?deleted=${encodeURIComponent(deleted.name)}&missing=${deleted.secretsMarkedMissing}`);
      router.refresh();
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  }

  return (
    <>
      <button type="button" className="inline-flex items-center gap-1.5 rounded-lg border border-red-200 bg-white px-3 py-1.5 text-sm font-medium text-red-700 shadow-sm transition hover:bg-red-50" onClick={() => (setError(null), dialog.current?.showModal())}>
        <Trash2 className="size-4" aria-hidden /> Delete…
      </button>
      <dialog
        ref={dialog}
        aria-labelledby="delete-source-title"
        onClick={(e) => e.target === e.currentTarget && dialog.current?.close()}
        className="m-auto w-[30rem] max-w-[calc(100vw-2rem)] rounded-xl border border-slate-200 bg-white p-5 text-left text-sm text-slate-700 shadow-2xl backdrop:bg-slate-900/30"
      >
        <h2 id="delete-source-title" className="text-base font-semibold text-ink">
          Delete &ldquo;{name}&rdquo;?
        </h2>
        <ul className="mt-3 list-disc space-y-1.5 pl-5" data-testid="delete-consequences">
          <li>It stops syncing and leaves the Sources list.</li>
          <li>
            {secrets} stay in the registry, marked <b>missing</b>, with their history, owners and access events. Its sync history is kept.
          </li>
          <li>This cannot be undone: to read the store again, add it as a new source (the name is free again).</li>
        </ul>
        {error && (
          <p role="alert" className="mt-3 text-red-700">
            {error}
          </p>
        )}
        <div className="mt-5 flex flex-wrap justify-end gap-2">
          <button type="button" className="btn" autoFocus onClick={() => dialog.current?.close()}>
            Cancel
          </button>
          <button type="button" className="inline-flex items-center gap-1.5 rounded-lg bg-red-600 px-3 py-1.5 text-sm font-medium text-white shadow-sm transition hover:bg-red-700 disabled:opacity-50" disabled={busy} onClick={() => void confirm()}>
            {busy ? "Deleting…" : "Delete source"}
          </button>
        </div>
      </dialog>
    </>
  );
}
