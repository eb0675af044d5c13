import { Flag } from "@/components/ui/badges";
import { Section } from "@/components/secrets/detail-list";
import type { SecretDetail } from "@/lib/data/secrets/get-secret";
import { label } from "@/lib/domain/format";

/** Who uses the secret and where copies of it live. */
export function SecretSpread({ secret }: { secret: NonNullable<SecretDetail> }) {
  return (
    <>
      <Section title={`Consumers (${secret.consumers.length})`}>
        {secret.consumers.length === 0 ? (
          <p className="text-sm text-slate-500">No consumer recorded: what breaks if this is revoked is unknown.</p>
        ) : (
          <ul className="space-y-2">
            {secret.consumers.map((c) => (
              <li key={c.id} className="flex items-center justify-between gap-2 text-sm">
                <span className="font-medium text-slate-800">{c.name}</span>
                <span className="text-xs text-slate-500">
                  {label(c.kind)}
                  {c.team && ` · ${c.team}`}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title={`Locations (${secret.locations.length})`} className="lg:col-span-2">
        {secret.locations.length === 0 ? (
          <p className="text-sm text-slate-500">No location recorded besides its source.</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {secret.locations.map((l) => (
              <li key={l.id} className="flex items-center justify-between gap-3 py-2 text-sm">
                <span className="min-w-0">
                  <span className="font-medium text-slate-800">{label(l.kind)}</span>
                  <span className="ml-2 font-mono text-xs text-slate-600">{l.place}</span>
                  {l.personName && <span className="ml-2 text-xs text-slate-500">({l.personName})</span>}
                </span>
                {l.sanctioned ? <Flag tone="green">sanctioned</Flag> : <Flag tone="red">unsanctioned</Flag>}
              </li>
            ))}
          </ul>
        )}
      </Section>
    </>
  );
}
