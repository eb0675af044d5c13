// Who made a Vault request. The actor is the identity entity when the token has one (stable across
// logins), else the token's display name. The auth method comes from the display-name prefix Vault
// gives tokens (`<auth mount>-<name>`, e.g. userpass-alice, approle) or, for a renamed mount such as
// gke-useast1-…, from the login metadata the method leaves on the token.
import type { ActorType } from "@/lib/ingest/types";
import type { AuditAuth } from "@/lib/ingest/vault/entry";

export type VaultActor = { actor: string; actorType: ActorType; authSource: string | null };

const METHOD_KINDS: Record<string, ActorType> = {
  approle: "workload",
  kubernetes: "workload",
  jwt: "workload",
  cert: "workload",
  aws: "workload",
  gcp: "workload",
  azure: "workload",
  alicloud: "workload",
  oci: "workload",
  cf: "workload",
  userpass: "human",
  ldap: "human",
  oidc: "human",
  okta: "human",
  github: "human",
  radius: "human",
  saml: "human",
  kerberos: "human",
};

function methodFromMetadata(metadata: Record<string, unknown>): string | null {
  const has = (key: string) => typeof metadata[key] === "string" && metadata[key] !== "";
  if (has("service_account_name") || has("service_account_namespace")) return "kubernetes";
  if (has("role_name")) return "approle";
  if (has("org") && has("username")) return "github";
  if (has("cert_name") || has("common_name")) return "cert";
  if (has("account_id") && (has("role_id") || has("auth_type") || has("canonical_arn"))) return "aws";
  if (has("project_id") || has("service_account_email")) return "gcp";
  if (has("subscription_id") || has("resource_group_name")) return "azure";
  return null;
}

export function vaultActor(auth: AuditAuth | null | undefined): VaultActor {
  const displayName = auth?.display_name || null;
  const actor = auth?.entity_id || displayName || "unknown";
  const policies = [...(auth?.policies ?? []), ...(auth?.token_policies ?? [])];
  if (displayName === "root" || policies.includes("root")) return { actor, actorType: "root", authSource: "token" };

  const prefix = displayName?.split("-")[0] ?? "";
  const method = (Object.hasOwn(METHOD_KINDS, prefix) ? prefix : null) ?? methodFromMetadata(auth?.metadata ?? {});
  if (method) return { actor, actorType: METHOD_KINDS[method] ?? "unknown", authSource: method };
  const hasToken = Boolean(displayName || auth?.token_type);
  return { actor, actorType: "unknown", authSource: hasToken ? "token" : null };
}
