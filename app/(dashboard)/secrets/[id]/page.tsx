import Link from "next/link";
import { notFound } from "next/navigation";
import { ChevronLeft } from "lucide-react";
import { DetailList, Section } from "@/components/secrets/detail-list";
import { SecretAccess } from "@/components/secrets/secret-access";
import { SecretOwners } from "@/components/secrets/secret-owners";
import { SecretRotation } from "@/components/secrets/secret-rotation";
import { SecretSpread } from "@/components/secrets/secret-spread";
import { EnvironmentBadge, Flag, Known, TierBadge, Unknown } from "@/components/ui/badges";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";
import { getSecretRotation } from "@/lib/data/rotation/get-secret-rotation";
import { getSecret } from "@/lib/data/secrets/get-secret";
import { formatDate, formatTtl, relativeDays } from "@/lib/domain/format";

type Props = { params: Promise<{ id: string }> };

export const metadata = { title: "Secret" };

export default async function SecretPage({ params }: Props) {
  const actor = await requirePermission("secret:read");
  const { id } = await params;
  const valid = /^[0-9a-f-]{36}$/i.test(id);
  const [secret, rotation] = valid ? await Promise.all([getSecret({ actor, id }), getSecretRotation({ actor, id })]) : [null, null];
  if (!secret) notFound();
  const dated = (d: Date | null, what: string) => (d ? <span title={d.toISOString()}>{formatDate(d)} <span className="text-slate-400">({relativeDays(d)})</span></span> : <Unknown what={what} />);

  return (
    <>
      <Link href="/inventory" className="mb-3 inline-flex items-center gap-1 text-sm text-slate-500 hover:text-ink">
        <ChevronLeft className="size-4" aria-hidden /> Inventory
      </Link>
      <PageHeader
        eyebrow={secret.source.name}
        title={<span className="font-mono text-[21px] font-medium">{secret.name}</span>}
        description={secret.description ?? <Unknown what="description" />}
        actions={
          <div className="flex flex-wrap gap-1.5">
            <EnvironmentBadge environment={secret.environment} />
            <TierBadge tier={secret.tier} />
            {secret.unknownCount > 0 && <Flag tone="orange">{secret.unknownCount} unknown fields</Flag>}
            {secret.missingSince && <Flag tone="slate">missing from source since {formatDate(secret.missingSince)}</Flag>}
          </div>
        }
      />
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
        <Section title="Metadata" className="lg:col-span-2">
          <DetailList
            items={[
              ["Kind", <Known key="k" value={secret.kind} what="kind" />],
              ["Provider", <Known key="p" value={secret.provider} what="provider" />],
              ["Privilege", <Known key="v" value={secret.privilege} what="privilege" />],
              ["Lifetime", secret.lifetime === null ? <Unknown key="l" what="lifetime" /> : secret.lifetime === "short_lived" ? `Short-lived · TTL ${formatTtl(secret.ttlSeconds) ?? "unknown"}` : "Static"],
              ["Created", dated(secret.createdInSourceAt, "creation date")],
              ["Last rotated", dated(secret.lastRotatedAt, "last rotation")],
              ["Last accessed", secret.lastAccessedAt ? dated(secret.lastAccessedAt, "last access") : <span className="text-slate-400">never seen in an access log</span>],
              ["Versions", <Known key="n" value={secret.versionCount} what="version count" />],
              ["External id", <code key="e" className="text-xs break-all text-slate-600">{secret.externalId}</code>],
              [
                "Tags",
                Object.keys(secret.tags).length ? (
                  <span key="t" className="flex flex-wrap gap-1">
                    {Object.entries(secret.tags).map(([k, v]) => (
                      <span key={k} className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-600">
                        {k}={v}
                      </span>
                    ))}
                  </span>
                ) : (
                  <span key="t" className="text-slate-400">none</span>
                ),
              ],
              ["Revoke path", secret.revokePath ?? <Unknown key="r" what="revoke path" />],
            ]}
          />
        </Section>
        <SecretOwners secret={secret} />
        {rotation && <SecretRotation secretId={secret.id} rotation={rotation} canManage={can(actor.role, "rotation:manage")} />}
        <SecretSpread secret={secret} />
        <SecretAccess secret={secret} />
      </div>
    </>
  );
}
