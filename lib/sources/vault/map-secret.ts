// Vault KV v2 metadata → SecretMetadata. A new version is a rotation, so lastRotatedAt is the
// creation time of the current version. A secret whose current version is deleted or destroyed
// still has metadata and stays listed, tagged `vault:current_version` = deleted | destroyed, so
// the registry shows it instead of losing its owners; live secrets carry no such tag.
import { mapTags, type TagKeys } from "@/lib/sources/tag-mapping";
import type { SecretMetadata } from "@/lib/sources/types";
import type { VaultConfig } from "@/lib/sources/vault/config";
import type { VaultSecretMetadata } from "@/lib/sources/vault/responses";

export const CURRENT_VERSION_TAG = "vault:current_version";

function toDate(value: string | null | undefined): Date | null {
  if (!value) return null;
  const date = new Date(value);
  // Vault writes the zero time for "never".
  return Number.isNaN(date.getTime()) || date.getUTCFullYear() <= 1 ? null : date;
}

export function vaultPlace(config: VaultConfig): string {
  const host = new URL(config.address).host;
  return `Vault KV ${config.mount}/ at ${host}${config.namespace ? ` (namespace ${config.namespace}/)` : ""}`;
}

function currentVersionState(meta: VaultSecretMetadata, now: Date): "deleted" | "destroyed" | null {
  const current = meta.versions[String(meta.current_version)];
  if (!current) return null;
  if (current.destroyed) return "destroyed";
  const deletedAt = toDate(current.deletion_time);
  // A deletion_time in the future is a scheduled expiry (delete_version_after), not a deletion.
  return deletedAt && deletedAt <= now ? "deleted" : null;
}

export function toSecretMetadata(path: string, meta: VaultSecretMetadata, config: VaultConfig, tagKeys: TagKeys, now = new Date()): SecretMetadata {
  const tags: Record<string, string> = { ...(meta.custom_metadata ?? {}) };
  const state = currentVersionState(meta, now);
  if (state) tags[CURRENT_VERSION_TAG] = state;
  const mapped = mapTags(meta.custom_metadata ?? {}, tagKeys);
  const current = meta.versions[String(meta.current_version)];
  return {
    externalId: `${config.mount}/${path}`,
    name: path,
    description: meta.custom_metadata?.description ?? null,
    ...mapped,
    lifetime: "static",
    createdAt: toDate(meta.created_time),
    updatedAt: toDate(meta.updated_time),
    lastRotatedAt: toDate(current?.created_time),
    versionCount: Object.values(meta.versions).filter((version) => !version.destroyed).length,
    tags,
    place: vaultPlace(config),
  };
}
