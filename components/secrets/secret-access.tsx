import Link from "next/link";
import { ActorName } from "@/components/access-log/actor-name";
import { Flag } from "@/components/ui/badges";
import { Section } from "@/components/secrets/detail-list";
import type { SecretDetail } from "@/lib/data/secrets/get-secret";
import { filteredHref } from "@/lib/domain/filter-query";
import { formatDateTime } from "@/lib/domain/format";

export function SecretAccess({ secret }: { secret: NonNullable<SecretDetail> }) {
  return (
    <Section
      title="Recent access"
      className="lg:col-span-3"
      aside={
        <span className="text-xs text-slate-500">
          <Link href={filteredHref("/access-log", secret.access.filters)} className="text-brand-700 hover:underline" data-count={secret.access.count}>
            {secret.access.count.toLocaleString("en-US")} events since {secret.access.filters.from}
          </Link>{" "}
          ·{" "}
          <Link href={`/access-log?secret=${secret.id}`} className="text-brand-700 hover:underline">
            open in the access log
          </Link>
        </span>
      }
    >
      {secret.recentEvents.length === 0 ? (
        <p className="text-sm text-slate-500">No access event has been recorded for this secret. If it is in use, its store's audit log is not connected yet.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-sm">
            <thead className="text-left text-xs text-slate-500">
              <tr>
                <th className="py-2 pr-3 font-medium">When</th>
                <th className="py-2 pr-3 font-medium">Actor</th>
                <th className="py-2 pr-3 font-medium">Action</th>
                <th className="py-2 pr-3 font-medium">Result</th>
                <th className="py-2 pr-3 font-medium">Source</th>
                <th className="py-2 font-medium">IP</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {secret.recentEvents.map((event, i) => (
                <tr key={i}>
                  <td className="py-2 pr-3 whitespace-nowrap text-slate-600 tabular-nums" title={event.occurredAt}>
                    {formatDateTime(event.occurredAt)}
                  </td>
                  <td className="max-w-md py-2 pr-3 font-mono text-xs text-slate-700">
                    <ActorName actor={event.actor} />
                  </td>
                  <td className="py-2 pr-3 text-slate-700">
                    {event.action} <span className="text-xs text-slate-400">{event.rawAction}</span>
                  </td>
                  <td className="py-2 pr-3">{event.result === "success" ? <Flag tone="green">success</Flag> : <Flag tone="red">{event.errorCode ?? "failure"}</Flag>}</td>
                  <td className="py-2 pr-3 text-slate-600">{event.sourceKind}</td>
                  <td className="py-2 font-mono text-xs text-slate-500">{event.sourceIp ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}
