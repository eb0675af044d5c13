import Link from "next/link";
import { notFound } from "next/navigation";
import { ChevronLeft, UserMinus } from "lucide-react";
import { HoldingsTable } from "@/components/people/holdings-table";
import { OffboardingPreview } from "@/components/people/offboarding-preview";
import { CalendarFeedCard } from "@/components/rotation/calendar-feed-card";
import { ReminderPreferences } from "@/components/rotation/reminder-preferences";
import { Flag } from "@/components/ui/badges";
import { PageHeader } from "@/components/ui/page-header";
import { RoleBadge } from "@/components/ui/role-badge";
import { requirePermission } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";
import { listFeedTeams } from "@/lib/data/calendar-feeds/list-feed-teams";
import { getPerson } from "@/lib/data/people/get-person";
import { formatDate, label } from "@/lib/domain/format";

export const metadata = { title: "Person" };

export default async function PersonPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission("person:read");
  const { id } = await params;
  const detail = /^[0-9a-f-]{36}$/i.test(id) ? await getPerson({ actor, id }) : null;
  if (!detail) notFound();
  const { person, copies } = detail;
  const self = person.id === actor.id;
  // One's own calendar feed; admins manage anyone's (the API enforces the same).
  const showFeed = person.status === "active" && can(actor.role, "rotation:work") && (self || can(actor.role, "rotation:manage"));
  const feedTeams = showFeed && self ? await listFeedTeams({ actor }) : [];
  const canOffboard = person.status === "active" && !self && can(actor.role, "person:offboard");

  return (
    <>
      <Link href="/people" className="mb-3 inline-flex items-center gap-1 text-sm text-slate-500 hover:text-ink">
        <ChevronLeft className="size-4" aria-hidden /> People
      </Link>
      <PageHeader
        eyebrow={[person.title, person.team].filter(Boolean).join(" · ")}
        title={person.name}
        description={person.email}
        actions={
          <div className="flex items-center gap-2">
            <RoleBadge role={person.role} />
            {person.employment === "contractor" && <Flag tone="slate">contractor</Flag>}
            {person.status === "offboarded" ? <Flag tone="purple">offboarded {formatDate(person.offboardedAt)}</Flag> : <Flag tone="green">active</Flag>}
            {canOffboard && (
              <Link href={`/people/${person.id}/offboard`} className="btn ml-2">
                <UserMinus className="size-4" aria-hidden /> Offboard…
              </Link>
            )}
          </div>
        }
      />
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
        <div className="card overflow-x-auto lg:col-span-2">
          <h2 className="border-b border-slate-100 px-5 py-3.5 text-sm font-semibold text-ink">What {person.name.split(" ")[0]} holds ({detail.holdings.length} roles)</h2>
          <HoldingsTable holdings={detail.holdings} />
        </div>
        <div className="space-y-4">
          {showFeed && <CalendarFeedCard personId={person.id} forPerson={self ? undefined : person.name.split(" ")[0]} teams={feedTeams} />}
          {self && <ReminderPreferences />}
          <OffboardingPreview detail={detail} canOffboard={canOffboard} />
          <section className="card p-5" aria-label="Copies">
            <h2 className="mb-3 text-sm font-semibold text-ink">Copies on their devices and accounts</h2>
            {copies.length === 0 ? (
              <p className="text-sm text-slate-500">None recorded.</p>
            ) : (
              <ul className="space-y-2 text-sm">
                {copies.map((c) => (
                  <li key={`${c.secretId}-${c.place}`} className="flex items-center justify-between gap-2">
                    <span className="min-w-0">
                      <Link href={`/secrets/${c.secretId}`} className="font-medium text-ink hover:underline">
                        {c.secretName}
                      </Link>
                      <span className="block text-xs text-slate-500">
                        {label(c.kind)} · {c.place}
                      </span>
                    </span>
                    {!c.sanctioned && <Flag tone="red">unsanctioned</Flag>}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      </div>
    </>
  );
}
