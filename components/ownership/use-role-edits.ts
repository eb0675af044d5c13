"use client";
// Saving owner changes from the matrix: each confirmed change is one audited PUT (or DELETE), then a
// toast names it with Undo (the undo is a change of its own, audited too). A changed row stays on
// screen as the change left it — marked when it no longer matches the filter — until the view's
// filters change: a row must not vanish under the hand that just changed it.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { applyRoleEdit, reverseOf, type RoleEdit } from "@/components/ownership/role-edit";
import { apiSend } from "@/lib/http/api-client";
import { peopleKeys, secretKeys } from "@/lib/query-keys";
import type { SecretRow } from "@/lib/data/secrets/list-secrets";

type Kept = { row: SecretRow; index: number };
export type ShownRow = SecretRow & { unmatched: boolean };
type Save = { edit: RoleEdit; row: SecretRow; index: number; undo: boolean };

const send = ({ secretId, role, to }: RoleEdit) =>
  to ? apiSend("PUT", `/api/v1/secrets/${secretId}/roles/${role}`, { personId: to.id }) : apiSend("DELETE", `/api/v1/secrets/${secretId}/roles/${role}`);

export function useRoleEdits({ view, rows }: { view: string; rows: SecretRow[] }) {
  const client = useQueryClient();
  const [kept, setKept] = useState<{ view: string; rows: ReadonlyMap<string, Kept> }>({ view, rows: new Map() });
  const [toast, setToast] = useState<(Save & { after: SecretRow }) | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Another filter is moving on: the rows kept for the last one go (state reset while rendering, as React advises).
  if (kept.view !== view) setKept({ view, rows: new Map() });
  const keptRows = kept.view === view ? kept.rows : new Map<string, Kept>();

  const save = useMutation({
    mutationFn: ({ edit }: Save) => send(edit),
    onMutate: () => setError(null),
    onSuccess: (_, saved) => {
      const after = applyRoleEdit(saved.row, saved.edit);
      setKept((prev) => ({ view: prev.view, rows: new Map(prev.rows).set(saved.edit.secretId, { row: after, index: saved.index }) }));
      setToast({ ...saved, after });
    },
    onError: (e) => setError(e.message),
    onSettled: () => Promise.all([client.invalidateQueries({ queryKey: secretKeys.all }), client.invalidateQueries({ queryKey: peopleKeys.all })]),
  });

  const shown: ShownRow[] = rows.map((row) => ({ ...(keptRows.get(row.id)?.row ?? row), unmatched: false }));
  for (const [id, { row, index }] of [...keptRows].sort(([, a], [, b]) => a.index - b.index)) {
    if (!rows.some((r) => r.id === id)) shown.splice(Math.min(index, shown.length), 0, { ...row, unmatched: true });
  }

  return {
    shown,
    error,
    toast,
    busy: save.isPending,
    pendingFor: (secretId: string) => save.isPending && save.variables?.edit.secretId === secretId,
    /** Saves one confirmed change; settles (never rejects) once it is saved or refused. */
    change: (edit: RoleEdit, row: SecretRow) =>
      save.mutateAsync({ edit, row, index: shown.findIndex((r) => r.id === row.id), undo: false }).then(
        () => undefined,
        () => undefined,
      ),
    undo: () => toast && save.mutate({ edit: reverseOf(toast.edit), row: toast.after, index: toast.index, undo: true }),
    dismiss: () => setToast(null),
  };
}
