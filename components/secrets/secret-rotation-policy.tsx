import Link from "next/link";
import { ShieldCheck, ShieldOff } from "lucide-react";
import type { SecretRotation } from "@/lib/data/rotation/get-secret-rotation";
import { formatDate, label } from "@/lib/domain/format";

const ENV_WORDS: Record<string, string> = { prod: "production", staging: "staging", dev: "dev" };

/** The tier × environment row in words: "Tier 2 × production", or the strictest row when unknown. */
export function rowWords(row: NonNullable<SecretRotation["row"]>): string {
  const tier = row.tier === null ? "any tier" : `Tier ${row.tier}`;
  const env = row.environment === null ? "any environment" : ENV_WORDS[row.environment] ?? label(row.environment);
  return `${tier} × ${env}`;
}

/** The effective policy, big, and where it comes from: the policy row, an override, or an exemption. */
export function SecretRotationPolicy({ rotation }: { rotation: SecretRotation }) {
  const { effective, row, override } = rotation;
  return (
    <div className="space-y-3" data-testid="rotation-policy">
      {effective.exempt ? (
        <p className="flex items-center gap-2 text-base font-semibold text-ink">
          <ShieldOff className="size-4 text-slate-400" aria-hidden /> Exempt from rotation
        </p>
      ) : (
        <div>
          <p className="text-base font-semibold text-ink tabular-nums">Every {effective.intervalDays} days</p>
          <p className="mt-0.5 flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-slate-500 tabular-nums">
            {effective.graceDays} days&apos; grace
            {effective.requiresApproval ? (
              <span className="inline-flex items-center gap-1 rounded bg-purple-50 px-1.5 py-px text-[11px] font-medium text-purple-700">
                <ShieldCheck className="size-3" aria-hidden /> approver signs off
              </span>
            ) : (
              <span className="text-xs text-slate-400">· no sign-off needed</span>
            )}
          </p>
        </div>
      )}
      <div className="rounded-lg bg-slate-50 px-3 py-2.5 text-sm" data-testid="rotation-policy-source">
        <p className="text-xs font-medium tracking-wide text-slate-500 uppercase">Comes from</p>
        {effective.exempt && effective.why === "short_lived" ? (
          <p className="mt-1 text-slate-700">A short-lived credential: it expires on its own, so no policy applies.</p>
        ) : override ? (
          <OverrideSource rotation={rotation} />
        ) : row ? (
          <PolicyRowSource row={row} />
        ) : null}
      </div>
    </div>
  );
}

function PolicyRowSource({ row, muted }: { row: NonNullable<SecretRotation["row"]>; muted?: boolean }) {
  return (
    <p className={muted ? "mt-1 text-xs text-slate-500" : "mt-1 text-slate-700"}>
      {muted ? "Without it: " : ""}
      <Link href="/rotation/policies" className="font-medium text-brand-700 hover:underline">
        {rowWords(row)} policy
      </Link>
      {muted && ` (every ${row.intervalDays} days, ${row.graceDays} days' grace)`}
      {row.unknown.length > 0 && (
        <span className="mt-1 block text-xs text-amber-800" data-testid="rotation-unknown-strictest">
          Unknown {row.unknown.join(" and ")} → the strictest policy that could apply.
        </span>
      )}
    </p>
  );
}

function OverrideSource({ rotation }: { rotation: SecretRotation }) {
  const override = rotation.override!;
  return (
    <div className="mt-1 space-y-1.5">
      <p className="text-slate-700">
        <span className="mr-1.5 rounded bg-amber-100 px-1.5 py-px text-[11px] font-semibold text-amber-900 uppercase">{override.exempt ? "Exempt by override" : "Per-secret override"}</span>
        {!override.exempt && [override.intervalDays !== null && `${override.intervalDays}-day interval`, override.graceDays !== null && `${override.graceDays} days' grace`].filter(Boolean).join(", ")}
      </p>
      <blockquote className="border-l-2 border-amber-300 pl-2 text-slate-700 italic" data-testid="rotation-override-reason">
        {override.reason}
      </blockquote>
      <p className="text-xs text-slate-500">
        Set by {override.setBy?.name ?? "a former admin"} on {formatDate(override.setAt)}
      </p>
      {rotation.row && <PolicyRowSource row={rotation.row} muted />}
    </div>
  );
}
