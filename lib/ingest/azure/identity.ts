// Microsoft Entra token claims (as Key Vault and the Activity Log record them) → actor.
// Claims come under short names ("upn", "oid") or as schema URIs; both are read.
import type { ActorType } from "@/lib/ingest/types";

export type Principal = { actor: string; actorType: ActorType; authSource: string | null };

const CLAIM_NAMES: Record<string, string[]> = {
  upn: ["upn", "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn"],
  uniqueName: ["unique_name", "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name"],
  email: ["email", "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress"],
  oid: ["oid", "http://schemas.microsoft.com/identity/claims/objectidentifier"],
  appid: ["appid", "azp"],
  idtyp: ["idtyp"],
  mirid: ["xms_mirid"],
};

function claim(claims: Record<string, unknown>, name: keyof typeof CLAIM_NAMES): string | null {
  for (const key of CLAIM_NAMES[name]!) {
    const value = claims[key];
    if (typeof value === "string" && value.trim()) return value.trim();
  }
  return null;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A user is named by UPN (or e-mail); an application by its object id (oid), the id the Activity
 * Log's `caller` also uses, else its application id. A managed identity carries `xms_mirid`.
 */
export function principalOf(claims: Record<string, unknown> | null, caller?: string | null): Principal {
  if (claims) {
    const user = claim(claims, "upn") ?? claim(claims, "email") ?? [claim(claims, "uniqueName")].find((n) => n?.includes("@")) ?? null;
    const isApp = claim(claims, "idtyp") === "app";
    if (user && !isApp) return { actor: user, actorType: "human", authSource: "user" };
    const app = claim(claims, "oid") ?? claim(claims, "appid");
    if (app) return { actor: app, actorType: "workload", authSource: claim(claims, "mirid") ? "managed-identity" : "service-principal" };
  }
  const name = caller?.trim();
  if (name?.includes("@")) return { actor: name, actorType: "human", authSource: "user" };
  if (name && GUID.test(name)) return { actor: name, actorType: "workload", authSource: "service-principal" };
  return { actor: "unknown", actorType: "unknown", authSource: null };
}

/** Whether a token was presented at all (a 401 challenge carries no claims). */
export function hasCaller(claims: Record<string, unknown> | null): boolean {
  return Boolean(claims && Object.keys(claims).length);
}
