import Link from "next/link";
import { notFound } from "next/navigation";
import { ChevronLeft } from "lucide-react";
import { Section } from "@/components/secrets/detail-list";
import { PolicyBlock } from "@/components/sources/policy-block";
import { SourceActions } from "@/components/sources/source-actions";
import { SourceForm } from "@/components/sources/source-form";
import { SourceStatus } from "@/components/sources/source-status";
import { SyncHistory } from "@/components/sources/sync-history";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";
import { getSource } from "@/lib/data/sources/get-source";
import { formatDateTime, label } from "@/lib/domain/format";
import { SourceHealth } from "@/components/sources/source-health";
import { SOURCE_EXAMPLES } from "@/lib/sources/examples";

export const metadata = { title: "Source" };

const FIELD_WORDS: Record<string, string> = {
  description: "description", environment: "environment", kind: "kind", provider: "provider", tier: "tier", privilege: "privilege",
  lifetime: "lifetime", createdAt: "created", updatedAt: "updated", lastRotatedAt: "last rotated", lastAccessedAt: "last accessed",
  nextRotationAt: "next rotation", versionCount: "versions", tags: "tags", owners: "owners (from tags)", consumers: "consumers", readers: "who can read or decrypt",
};
const readable = (fields: string[]) => fields.flatMap((f) => (FIELD_WORDS[f] ? [FIELD_WORDS[f]] : [])).join(", ") || "—";

export default async function SourcePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission("source:read");
  const { id } = await params;
  const detail = /^[0-9a-f-]{36}$/i.test(id) ? await getSource({ actor, id }) : null;
  if (!detail) notFound();
  const { source, policy } = detail;
  const demo = source.config.demo === "true";
  const deleted = source.deletedAt ? `Deleted ${formatDateTime(source.deletedAt)}${source.deletedBy ? ` by ${source.deletedBy}` : ""}: it no longer syncs; its secrets stay in the registry, marked missing, with their history.` : null;
  const manage = can(actor.role, "source:manage") && !deleted;
  const credentials = source.kind !== "inventory_file" ? SOURCE_EXAMPLES[source.kind].credentials : "An inventory file is imported with `keyledger import FILE`.";

  return (
    <>
      <Link href="/sources" className="mb-3 inline-flex items-center gap-1 text-sm text-slate-500 hover:text-ink">
        <ChevronLeft className="size-4" aria-hidden /> Sources
      </Link>
      <PageHeader
        eyebrow={label(source.kind)}
        title={source.name}
        description={deleted ?? (demo ? "Sample data of the demo company: there is no store behind it to sync." : undefined)}
        actions={manage ? <SourceActions id={source.id} name={source.name} enabled={source.enabled} demo={demo} /> : <SourceStatus status={source.status} enabled={source.enabled} demo={demo} />}
      />
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2 [&>*]:min-w-0">
        <Section title="Configuration">
          <SourceHealth
            id={source.id}
            initial={{ status: source.status, enabled: source.enabled, demo, lastSyncedAt: source.lastSyncedAt?.toISOString() ?? null, lastError: source.lastError, syncIntervalMinutes: source.syncIntervalMinutes, schedule: detail.schedule }}
            more={[
              ["Credentials", credentials],
              ["Reads", readable(detail.provides)],
            ]}
          />
          <pre className="mt-4 overflow-auto rounded-lg bg-slate-50 p-3 font-mono text-xs text-slate-700" data-testid="source-config">
            {JSON.stringify(source.config, null, 2)}
          </pre>
          {!manage && <p className="mt-2 text-xs text-slate-500">Where credentials come from reads &ldquo;configured&rdquo;: only admins see it.</p>}
        </Section>
        {policy ? <PolicyBlock policy={policy} /> : <Section title="Least-privilege policy"><p className="text-sm text-slate-500">Fix the configuration to see the policy to grant.</p></Section>}
        <div className="lg:col-span-2">
          <SyncHistory id={source.id} />
        </div>
        {manage && !demo && (
          <div className="lg:col-span-2">
            <SourceForm mode="edit" source={{ id: source.id, kind: source.kind, name: source.name, config: source.config, syncIntervalMinutes: source.syncIntervalMinutes, tagKeys: source.tagKeys }} />
          </div>
        )}
      </div>
    </>
  );
}
