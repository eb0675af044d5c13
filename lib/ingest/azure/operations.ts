// Key Vault operations → Keyledger actions.
// AuditEvent (data plane): https://learn.microsoft.com/azure/key-vault/general/logging (operation names table).
// Activity Log (ARM control plane and RBAC data actions): https://learn.microsoft.com/azure/role-based-access-control/permissions/security#microsoftkeyvault
import type { Action } from "@/lib/ingest/types";

/** Where an operation applies: one secret, or the vault as a whole (its URL is the secretRef). */
export type Scope = "secret" | "vault";
export type Operation = { action: Action; scope: Scope };

const secret = (action: Action): Operation => ({ action, scope: "secret" });
const vault = (action: Action): Operation => ({ action, scope: "vault" });

// Keys are lower case: operation names arrive in any letter case.
const AUDIT_OPERATIONS: Record<string, Operation> = {
  secretget: secret("read"),
  secretset: secret("rotate"), // always writes a new value (a new version); the log cannot tell a first write
  secretupdate: secret("update"), // attributes and tags, never the value
  secretdelete: secret("delete"),
  secretpurge: secret("delete"),
  secretbackup: secret("read"), // the backup blob carries the value
  secretrestore: secret("restore"),
  secretrecover: secret("restore"),
  secretgetdeleted: secret("describe"),
  secretlistversions: secret("list"),
  secretlist: vault("list"),
  secretlistdeleted: vault("list"),
  vaultput: vault("policy_change"), // access policies, network rules, RBAC mode
  vaultpatch: vault("policy_change"),
  vaultaccesspolicychangedeventgridnotification: vault("policy_change"),
  vaultdelete: vault("delete"), // takes every secret with it
  vaultpurge: vault("delete"),
  vaultrecover: vault("restore"),
};

const ACTIVITY_OPERATIONS: Record<string, Operation> = {
  "microsoft.keyvault/vaults/write": vault("policy_change"),
  "microsoft.keyvault/vaults/accesspolicies/write": vault("policy_change"),
  "microsoft.keyvault/vaults/delete": vault("delete"),
  "microsoft.keyvault/locations/deletedvaults/purge/action": vault("delete"),
  "microsoft.keyvault/vaults/secrets/write": secret("update"), // an ARM deployment may or may not carry a value
  "microsoft.keyvault/vaults/secrets/read": secret("describe"), // ARM returns metadata only
  "microsoft.keyvault/vaults/secrets/delete": secret("delete"),
  "microsoft.keyvault/vaults/secrets/getsecret/action": secret("read"),
  "microsoft.keyvault/vaults/secrets/setsecret/action": secret("rotate"),
  "microsoft.keyvault/vaults/secrets/update/action": secret("update"),
  "microsoft.keyvault/vaults/secrets/readmetadata/action": secret("describe"),
  "microsoft.keyvault/vaults/secrets/backup/action": secret("read"),
  "microsoft.keyvault/vaults/secrets/restore/action": secret("restore"),
  "microsoft.keyvault/vaults/secrets/recover/action": secret("restore"),
  "microsoft.keyvault/vaults/secrets/purge/action": secret("delete"),
  // On a vault's scope a role assignment is who may read its secrets (RBAC mode).
  "microsoft.authorization/roleassignments/write": vault("policy_change"),
  "microsoft.authorization/roleassignments/delete": vault("policy_change"),
};

/** SecretNearExpiry/SecretExpired EventGrid notices: the vault speaking, no caller. */
export function isSecretNotification(name: string): boolean {
  return /^secret\w*eventgridnotification$/i.test(name.trim());
}

/** A data-plane AuditEvent operation; an unknown Secret* operation is "other", anything else null. */
export function auditOperation(name: string): Operation | null {
  const key = name.trim().toLowerCase();
  if (isSecretNotification(key)) return null;
  return AUDIT_OPERATIONS[key] ?? (/^secret[a-z]{1,60}$/.test(key) ? secret("other") : null);
}

export function activityOperation(name: string): Operation | null {
  return ACTIVITY_OPERATIONS[name.trim().toLowerCase()] ?? null;
}
