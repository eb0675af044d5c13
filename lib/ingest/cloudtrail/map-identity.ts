// CloudTrail userIdentity → a stable actor. The actor is the principal that holds the permission,
// not the session: an assumed role is its role ARN (session names are often random per call), except
// an IAM Identity Center role (AWSReservedSSO_…), whose session name IS the person, so it keeps the
// assumed-role ARN with that name. Every other type uses its ARN when it has one.
import type { ActorType } from "@/lib/ingest/types";
import type { UserIdentity } from "@/lib/ingest/cloudtrail/event";

export type CloudTrailActor = { actor: string; actorType: ActorType; authSource: string | null };

const CONSOLE_AGENT = /console\.amazonaws\.com|signin\.amazonaws\.com|Mozilla\//i;

/** arn:aws:sts::1:assumed-role/Role/session → arn:aws:iam::1:role/Role (the path is not in the log). */
function roleArnOf(assumedRoleArn: string | null | undefined): string | null {
  const match = /^arn:([\w-]+):sts::(\d+):assumed-role\/([^/]+)\/.+$/.exec(assumedRoleArn ?? "");
  return match ? `arn:${match[1]}:iam::${match[2]}:role/${match[3]}` : null;
}

function withoutSession(principalId: string | null | undefined): string | null {
  return principalId ? (principalId.split(":")[0] ?? null) : null;
}

function byPerson(identity: UserIdentity, userAgent: string | null): boolean {
  const mfa = identity.sessionContext?.attributes?.mfaAuthenticated;
  return mfa === true || mfa === "true" || CONSOLE_AGENT.test(userAgent ?? "");
}

function assumedRole(identity: UserIdentity, userAgent: string | null): CloudTrailActor {
  const issuer = identity.sessionContext?.sessionIssuer;
  const roleArn = issuer?.arn || roleArnOf(identity.arn);
  const roleName = issuer?.userName || /assumed-role\/([^/]+)\//.exec(identity.arn ?? "")?.[1] || "";
  if (roleName.startsWith("AWSReservedSSO_") || roleArn?.includes("/aws-reserved/sso.amazonaws.com/")) {
    return { actor: identity.arn || roleArn || "unknown", actorType: "human", authSource: "identity-center" };
  }
  const webIdentity = Boolean(identity.sessionContext?.webIdFederationData?.federatedProvider);
  return {
    actor: roleArn || identity.arn || withoutSession(identity.principalId) || "unknown",
    actorType: byPerson(identity, userAgent) ? "human" : "workload",
    authSource: webIdentity ? "web-identity" : "assumed-role",
  };
}

export function cloudTrailActor(identity: UserIdentity | null | undefined, userAgent: string | null): CloudTrailActor {
  if (!identity) return { actor: "unknown", actorType: "unknown", authSource: null };
  const account = identity.accountId;
  const fallback = identity.arn || identity.principalId || identity.userName || "unknown";
  switch (identity.type) {
    case "Root":
      return { actor: identity.arn || (account ? `arn:aws:iam::${account}:root` : fallback), actorType: "root", authSource: "root" };
    case "IAMUser":
      return {
        actor: identity.arn || (account && identity.userName ? `arn:aws:iam::${account}:user/${identity.userName}` : fallback),
        actorType: byPerson(identity, userAgent) ? "human" : "unknown",
        authSource: "iam-user",
      };
    case "AssumedRole":
      return assumedRole(identity, userAgent);
    case "FederatedUser":
      return { actor: fallback, actorType: "human", authSource: "federated" };
    case "AWSAccount": {
      const principal = withoutSession(identity.principalId);
      const actor = identity.arn || (account ? `aws-account:${account}${principal ? `/${principal}` : ""}` : fallback);
      return { actor, actorType: "unknown", authSource: "aws-account" };
    }
    case "AWSService":
      return { actor: identity.invokedBy || fallback, actorType: "service", authSource: "aws-service" };
    case "Directory":
      return { actor: fallback, actorType: "human", authSource: "directory" };
    case "IdentityCenterUser": {
      const { userId, identityStoreArn } = identity.onBehalfOf ?? {};
      const actor = userId ? (identityStoreArn ? `${identityStoreArn}/user/${userId}` : userId) : fallback;
      return { actor, actorType: "human", authSource: "identity-center" };
    }
    case "SAMLUser":
      return { actor: identity.principalId || identity.userName || "unknown", actorType: "human", authSource: "saml" };
    case "WebIdentityUser":
      return { actor: identity.principalId || identity.userName || "unknown", actorType: "unknown", authSource: "web-identity" };
    default:
      // AWS service events carry no type, only the service that acted.
      if (!identity.type && identity.invokedBy) return { actor: identity.invokedBy, actorType: "service", authSource: "aws-service" };
      return { actor: fallback === "unknown" && account ? `aws-account:${account}` : fallback, actorType: "unknown", authSource: null };
  }
}
