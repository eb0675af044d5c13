// Which demo secrets have an audit log (AWS and Vault do; GitHub Actions, Doppler and the inventory
// file do not), and what the event generator needs to know about each.
import type { EventSecret } from "@/db/seed/access-event-model";
import { AWS_PROD_ACCOUNT, AWS_STAGING_ACCOUNT, DEMO_CONSUMERS, DEMO_PEOPLE } from "@/db/seed/demo-data";
import type { SecretPlan } from "@/db/seed/demo-secrets";

const CONSUMER_KIND = new Map(DEMO_CONSUMERS.map((c) => [c.name, c.kind]));

/** People who never show up in the everyday traffic: the offboarded contractor has his own story. */
const NOT_IN_TRAFFIC = new Set([
  ...DEMO_PEOPLE.filter((p) => p.offboardedDaysAgo !== undefined || p.role === "auditor" || p.role === "sales" || p.role === "founder").map(
    (p) => p.key,
  ),
]);

const AUDITED: Partial<Record<SecretPlan["sourceKey"], Pick<EventSecret, "source" | "account">>> = {
  "aws-prod": { source: "cloudtrail", account: AWS_PROD_ACCOUNT },
  "aws-staging": { source: "cloudtrail", account: AWS_STAGING_ACCOUNT },
  vault: { source: "vault", account: "vault" },
};

export function toEventSecret(args: { plan: SecretPlan; id: string }): EventSecret | null {
  const { plan, id } = args;
  const audited = AUDITED[plan.sourceKey];
  if (!audited) return null;
  const { operator, creator, approver } = plan.roles;
  const humans = [...new Set([operator, creator, approver])].filter(
    (key): key is string => key !== undefined && !NOT_IN_TRAFFIC.has(key),
  );
  return {
    ...audited,
    key: plan.key,
    id,
    externalId: plan.values.externalId,
    area: plan.area,
    environment: plan.values.environment ?? null,
    tier: plan.values.tier ?? null,
    consumers: plan.consumers.map((name) => ({ name, kind: CONSUMER_KIND.get(name) ?? "service" })),
    humans,
    operator: operator && !NOT_IN_TRAFFIC.has(operator) ? operator : null,
    quiet: plan.quiet,
    createdAt: plan.values.createdInSourceAt ?? null,
    lastRotatedAt: plan.values.lastRotatedAt ?? null,
    shortLived: plan.values.lifetime === "short_lived",
  };
}
