// One Infisical secret (listed with its value withheld) → SecretMetadata. The masked value field
// is never read here.
import { mapTags, parseEnvironment, type TagKeys } from "@/lib/sources/tag-mapping";
import type { SecretMetadata } from "@/lib/sources/types";
import type { InfisicalSecret } from "@/lib/sources/infisical/config";

/** Tags become key-only entries; unencrypted secret metadata (owner=…, tier=…) becomes key/value tags. */
export function secretTags(secret: InfisicalSecret): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const tag of secret.tags ?? []) tags[tag.slug] = "";
  for (const entry of secret.secretMetadata ?? []) {
    if (!entry.isEncrypted && entry.key) tags[entry.key] = (entry.value ?? "").trim();
  }
  return tags;
}

const date = (value: string | null | undefined) => (value ? new Date(value) : null);

export function mapSecret(secret: InfisicalSecret, input: { projectId: string; environment: string; defaultPath: string; host: string; tagKeys: TagKeys }): SecretMetadata {
  const folder = (secret.secretPath ?? input.defaultPath).replace(/\/+$/, "");
  const keyPath = `${folder}/${secret.secretKey}`;
  const tags = secretTags(secret);
  const mapped = mapTags(tags, input.tagKeys);
  const updatedAt = date(secret.updatedAt);
  return {
    externalId: `${input.projectId}/${input.environment}${keyPath}`,
    name: `${input.environment}${keyPath}`,
    description: secret.secretComment?.trim() || null,
    environment: parseEnvironment(input.environment) ?? mapped.environment,
    tier: mapped.tier,
    createdAt: date(secret.createdAt),
    updatedAt,
    // Infisical bumps the version and updatedAt on every change; no separate rotation date is listed.
    lastRotatedAt: updatedAt,
    versionCount: secret.version ?? null,
    tags,
    owners: mapped.owners,
    consumers: mapped.consumers,
    place: `Infisical ${input.host} project ${input.projectId} (${input.environment})`,
  };
}
