"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { KeyRound } from "lucide-react";
import { Flag } from "@/components/ui/badges";
import { apiGet, apiSend } from "@/lib/http/api-client";
import { formatDateTime } from "@/lib/domain/format";

type Token = { id: string; name: string; prefix: string; createdAt: string; lastUsedAt: string | null; revokedAt: string | null; createdBy: string | null };
const KEY = ["api-tokens"];

/** Ingest tokens for CI jobs and log shippers: created here, shown once, revocable at once. */
export function ApiTokens() {
  const client = useQueryClient();
  const [name, setName] = useState("");
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const tokens = useQuery({ queryKey: KEY, queryFn: () => apiGet<{ items: Token[] }>("/api/v1/api-tokens") });
  const create = useMutation({
    mutationFn: () => apiSend<{ name: string; token: string }>("POST", "/api/v1/api-tokens", { name }),
    onSuccess: (t) => (setCreated(t), setName(""), setError(null)),
    onError: (e) => setError(e.message),
    onSettled: () => client.invalidateQueries({ queryKey: KEY }),
  });
  const revoke = useMutation({ mutationFn: (id: string) => apiSend("DELETE", `/api/v1/api-tokens/${id}`), onSettled: () => client.invalidateQueries({ queryKey: KEY }) });

  return (
    <section className="card mt-6 p-5" aria-label="Log shipping tokens">
      <h2 className="mb-1 flex items-center gap-2 text-sm font-semibold text-ink">
        <KeyRound className="size-4 text-brand-600" aria-hidden /> Log shipping tokens
      </h2>
      <p className="mb-4 text-xs text-slate-500">
        For CI jobs and log shippers that upload audit logs: <code>POST /api/v1/access-events/uploads?format=cloudtrail</code> with{" "}
        <code>Authorization: Bearer klt_…</code>. A token can only ingest; only its hash is kept.
      </p>
      <form className="mb-4 flex gap-2" onSubmit={(e) => (e.preventDefault(), create.mutate())}>
        <input className="field w-72" name="token-name" aria-label="Token name" placeholder="e.g. cloudtrail-shipper" value={name} onChange={(e) => setName(e.target.value)} />
        <button type="submit" className="btn-primary" disabled={create.isPending || name.trim().length < 2}>
          Create token
        </button>
      </form>
      {error && <p role="alert" className="mb-3 text-sm text-red-700">{error}</p>}
      {created && (
        <div className="mb-4 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm" role="status">
          Copy the token for <b>{created.name}</b> now — it will not be shown again:
          <code className="mt-2 block rounded bg-white px-2 py-1 font-mono text-xs break-all" data-testid="new-token">{created.token}</code>
        </div>
      )}
      <table className="w-full text-sm" data-testid="api-tokens">
        <tbody className="divide-y divide-slate-100">
          {(tokens.data?.items ?? []).map((t) => (
            <tr key={t.id}>
              <td className="py-2 font-medium text-slate-800">{t.name}</td>
              <td className="py-2 font-mono text-xs text-slate-500">{t.prefix}…</td>
              <td className="py-2 text-xs text-slate-500">created {formatDateTime(t.createdAt)}{t.createdBy ? ` by ${t.createdBy}` : ""}</td>
              <td className="py-2 text-xs text-slate-500">{t.lastUsedAt ? `last used ${formatDateTime(t.lastUsedAt)}` : "never used"}</td>
              <td className="py-2 text-right">
                {t.revokedAt ? (
                  <Flag tone="slate">revoked</Flag>
                ) : (
                  <button type="button" className="btn" onClick={() => revoke.mutate(t.id)}>
                    Revoke
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
