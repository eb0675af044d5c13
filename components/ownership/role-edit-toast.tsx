"use client";

import { describeRoleEdit, type RoleEdit } from "@/components/ownership/role-edit";

type Props = { edit: RoleEdit; undone: boolean; busy: boolean; onUndo: () => void; onDismiss: () => void };

/** What the last owner change did, in words, with Undo (an offboarded former holder cannot be put back). */
export function RoleEditToast({ edit, undone, busy, onUndo, onDismiss }: Props) {
  const canUndo = !undone && edit.from?.status !== "offboarded";
  return (
    <div
      role="status"
      data-testid="role-edit-toast"
      className="fixed inset-x-3 bottom-3 z-40 flex flex-wrap items-center gap-x-3 gap-y-1.5 rounded-xl bg-ink px-4 py-3 text-sm text-white shadow-lg sm:inset-x-auto sm:right-6 sm:bottom-6 sm:max-w-xl"
    >
      <span className="min-w-0 flex-1 break-words">
        {undone ? "Undone — " : "Saved — "}
        {describeRoleEdit(edit)}
        {!undone && !canUndo && ` (${edit.from?.name} is offboarded, so this cannot be undone)`}
      </span>
      {canUndo && (
        <button type="button" className="rounded-md bg-white/15 px-2.5 py-1 font-semibold hover:bg-white/25 disabled:opacity-50" disabled={busy} onClick={onUndo}>
          Undo
        </button>
      )}
      <button type="button" className="rounded-md px-1.5 py-1 text-white/70 hover:text-white" aria-label="Dismiss" onClick={onDismiss}>
        ✕
      </button>
    </div>
  );
}
