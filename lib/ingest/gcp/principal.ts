// AuditLog.authenticationInfo → actor, actor type and auth source.
// https://cloud.google.com/logging/docs/reference/audit/auditlog/rest/Shared.Types/AuditLog#AuthenticationInfo
import type { ActorType } from "@/lib/ingest/types";

export type AuthenticationInfo = {
  principalEmail?: string;
  principalSubject?: string;
  serviceAccountDelegationInfo?: unknown[];
};

export type Principal = { actor: string; actorType: ActorType; authSource: string | null };

// Google-managed service agents act for a Google service, not for a workload of the customer.
const SERVICE_AGENT = /@(gcp-sa-[a-z0-9-]+\.iam\.gserviceaccount\.com|cloudservices\.gserviceaccount\.com|system\.gserviceaccount\.com)$/i;
const SERVICE_ACCOUNT = /\.gserviceaccount\.com$/i;
const WORKLOAD_POOL = /\/workloadIdentityPools\//;
const WORKFORCE_POOL = /\/workforcePools\//;
const GKE_WORKLOAD_IDENTITY = /\.svc\.id\.goog\[/;

/** Every principal named in the delegation chain (first- and third-party), as strings. */
function delegates(info: AuthenticationInfo): string[] {
  const names: string[] = [];
  for (const link of info.serviceAccountDelegationInfo ?? []) {
    if (typeof link !== "object" || link === null) continue;
    const { principalSubject, firstPartyPrincipal, thirdPartyPrincipal } = link as Record<string, unknown>;
    if (typeof principalSubject === "string") names.push(principalSubject);
    const email = (firstPartyPrincipal as { principalEmail?: unknown } | undefined)?.principalEmail;
    if (typeof email === "string") names.push(email);
    if (thirdPartyPrincipal !== undefined) names.push(JSON.stringify(thirdPartyPrincipal));
  }
  return names;
}

function serviceAccountSource(info: AuthenticationInfo): string {
  const chain = delegates(info);
  if (chain.some((name) => GKE_WORKLOAD_IDENTITY.test(name))) return "workload-identity";
  if (chain.some((name) => WORKLOAD_POOL.test(name))) return "workload-identity-federation";
  if (chain.length) return "service-account-impersonation";
  return "service-account";
}

export function principalOf(info: AuthenticationInfo | undefined): Principal {
  const email = info?.principalEmail?.trim();
  const subject = info?.principalSubject?.trim();
  if (info && email) {
    if (SERVICE_AGENT.test(email)) return { actor: email, actorType: "service", authSource: "service-agent" };
    if (SERVICE_ACCOUNT.test(email)) return { actor: email, actorType: "workload", authSource: serviceAccountSource(info) };
    return { actor: email, actorType: "human", authSource: "user" };
  }
  if (subject) {
    if (WORKLOAD_POOL.test(subject)) return { actor: subject, actorType: "workload", authSource: "workload-identity-federation" };
    if (WORKFORCE_POOL.test(subject)) return { actor: subject, actorType: "human", authSource: "workforce-identity-federation" };
    if (subject.startsWith("user:")) return { actor: subject.slice(5), actorType: "human", authSource: "user" };
    if (subject.startsWith("serviceAccount:")) return { actor: subject.slice(15), actorType: "workload", authSource: "service-account" };
    return { actor: subject, actorType: "unknown", authSource: null };
  }
  // Redacted or absent (Google hides some callers' e-mails): unknown, and counted as such.
  return { actor: "unknown", actorType: "unknown", authSource: null };
}
