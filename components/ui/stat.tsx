import Link from "next/link";

type Props = { label: string; value: number | string; hint?: string; tone?: "default" | "bad" | "warn"; href?: string };

export function Stat({ label, value, hint, tone = "default", href }: Props) {
  const color = tone === "bad" ? "text-red-600" : tone === "warn" ? "text-amber-600" : "text-ink";
  const body = (
    <>
      <div className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</div>
      <div className={`mt-1 text-3xl font-semibold tabular-nums ${color}`}>{value}</div>
      {hint && <div className="mt-1 text-xs text-slate-500">{hint}</div>}
    </>
  );
  return href ? (
    <Link href={href} className="card block p-4 transition hover:border-brand-500">
      {body}
    </Link>
  ) : (
    <div className="card p-4">{body}</div>
  );
}
