// Secret Manager audit-log methods → Keyledger actions. The documented methods are listed in
// https://cloud.google.com/secret-manager/docs/audit-logging (ADMIN_READ, ADMIN_WRITE, DATA_READ).
import type { Action } from "@/lib/ingest/types";

const SECRET_METHODS: Record<string, Action> = {
  AccessSecretVersion: "read", // returns the payload
  AddSecretVersion: "rotate", // a new value, i.e. a new version
  CreateSecret: "create",
  UpdateSecret: "update", // tag_change when the update mask names only labels/annotations
  DeleteSecret: "delete",
  DestroySecretVersion: "delete", // the version's payload is gone for good
  DisableSecretVersion: "update", // reversible state change, not a deletion
  EnableSecretVersion: "update",
  SetIamPolicy: "policy_change",
  GetIamPolicy: "describe",
  TestIamPermissions: "describe",
  GetSecret: "describe",
  GetSecretVersion: "describe", // metadata only; the payload needs AccessSecretVersion
  ListSecrets: "list",
  ListSecretVersions: "list",
};

const TAG_FIELDS = new Set(["labels", "annotations"]);

/** "google.cloud.secretmanager.v1.SecretManagerService.AccessSecretVersion" (or the bare name) → "AccessSecretVersion". */
export function secretMethod(methodName: string): string | null {
  const match = /^(?:google\.cloud\.secretmanager\.v\w+\.SecretManagerService\.)?([A-Za-z]{1,100})$/.exec(methodName.trim());
  return match ? match[1]! : null;
}

/** The action of a Secret Manager method; null for methods that are not about secrets (Locations.*). */
export function actionOf(method: string | null, updateMask: string[] | null): Action | null {
  if (!method) return null;
  const action = SECRET_METHODS[method];
  if (!action) return null;
  if (method === "UpdateSecret" && updateMask?.length && updateMask.every((path) => TAG_FIELDS.has(path.split(".")[0]!))) return "tag_change";
  return action;
}

/** FieldMask as JSON: "labels,annotations" or {"paths": [...]}; anything else → null. */
export function maskPaths(mask: unknown): string[] | null {
  if (typeof mask === "string") return mask.split(",").map((path) => path.trim()).filter(Boolean);
  if (typeof mask === "object" && mask !== null && Array.isArray((mask as { paths?: unknown }).paths)) {
    const paths = (mask as { paths: unknown[] }).paths;
    return paths.every((path) => typeof path === "string") ? (paths as string[]) : null;
  }
  return null;
}
