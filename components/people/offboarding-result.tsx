import Link from "next/link";
import { CalendarDays, CheckCircle2, ChevronLeft } from "lucide-react";
import { Flag } from "@/components/ui/badges";
import type { OffboardingResult as Result } from "@/lib/data/people/offboard-person";
import { label } from "@/lib/domain/format";

/** After the offboarding: what changed, with links to the tasks on the rotation calendar and back to the person. */
export function OffboardingResult({ result }: { result: Result }) {
  const first = result.person.name.split(" ")[0];
  const holders = [...new Map(result.tasksOpened.flatMap((t) => (t.assignee ? [[t.assignee.id, t.assignee] as const] : []))).values()];
  return (
    <div className="space-y-4" data-testid="offboarding-result">
      <section className="card flex items-start gap-3 border-emerald-200 bg-emerald-50/50 p-5" role="status">
        <CheckCircle2 className="mt-0.5 size-5 shrink-0 text-emerald-600" aria-hidden />
        <div>
          <h2 className="text-base font-semibold text-ink" tabIndex={-1} id="offboarding-step-heading">
            {result.person.name} is offboarded
          </h2>
          <p className="mt-1 text-sm text-slate-600">
            {result.reassigned.length - result.gaps} role{result.reassigned.length - result.gaps === 1 ? "" : "s"} reassigned
            {result.gaps > 0 ? `, ${result.gaps} left as a gap` : ""} · {result.tasksOpened.length} rotate-now task{result.tasksOpened.length === 1 ? "" : "s"} · {result.tasksHandedOver} open task
            {result.tasksHandedOver === 1 ? "" : "s"} handed over · {result.feedsRevoked} calendar feed{result.feedsRevoked === 1 ? "" : "s"} revoked. {first} can no longer sign in.
          </p>
          <div className="mt-3 flex flex-wrap gap-2">
            <Link href="/rotation?view=list" className="btn-primary">
              <CalendarDays className="size-4" aria-hidden /> Open the rotation list
            </Link>
            {holders.map((h) => (
              <Link key={h.id} href={`/rotation?view=list&person=${h.id}`} className="btn">
                {h.name}&apos;s tasks
              </Link>
            ))}
            <Link href={`/people/${result.person.id}`} className="btn">
              <ChevronLeft className="size-4" aria-hidden /> Back to {first}
            </Link>
          </div>
        </div>
      </section>

      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <section className="card overflow-x-auto" aria-label="Rotate-now tasks">
          <h3 className="border-b border-slate-100 px-5 py-3 text-sm font-semibold text-ink">Rotate-now tasks</h3>
          <ul className="divide-y divide-slate-100 text-sm">
            {result.tasksOpened.map((t) => (
              <li key={t.taskId} className="px-5 py-2.5" data-task-secret={t.secretName}>
                <span className="flex items-center justify-between gap-2">
                  <Link href={`/rotation?view=list&task=${t.taskId}`} className="font-medium text-ink hover:underline">
                    {t.secretName}
                  </Link>
                  {t.assignee ? <span className="text-slate-600">{t.assignee.name}</span> : <Flag tone="red">gap: nobody to assign</Flag>}
                </span>
                <span className="block text-xs text-slate-500">
                  {t.reason}
                  {t.created ? "" : " — added to the task already open"}
                </span>
              </li>
            ))}
            {result.tasksOpened.length === 0 && <li className="px-5 py-4 text-slate-500">None: nothing to rotate.</li>}
          </ul>
        </section>
        <section className="card overflow-x-auto" aria-label="Reassigned roles">
          <h3 className="border-b border-slate-100 px-5 py-3 text-sm font-semibold text-ink">Roles</h3>
          <ul className="divide-y divide-slate-100 text-sm">
            {result.reassigned.map((r) => (
              <li key={`${r.secretId}:${r.role}`} className="flex items-center justify-between gap-2 px-5 py-2.5">
                <span className="min-w-0">
                  <Link href={`/secrets/${r.secretId}`} className="font-medium text-ink hover:underline">
                    {r.secretName}
                  </Link>
                  <span className="block text-xs text-slate-500">{label(r.role)}</span>
                </span>
                {r.to ? <span className="text-slate-700">{r.to.name}</span> : <Flag tone="orange">gap</Flag>}
              </li>
            ))}
            {result.reassigned.length === 0 && <li className="px-5 py-4 text-slate-500">They held no role.</li>}
          </ul>
        </section>
      </div>
    </div>
  );
}
