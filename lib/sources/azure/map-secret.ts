// Key Vault SecretProperties (+ its versions' properties) → SecretMetadata. Properties never carry a value.
import type { SecretProperties } from "@azure/keyvault-secrets";
import { SourceError } from "@/lib/sources/source-error";
import { mapTags, type TagKeys } from "@/lib/sources/tag-mapping";
import type { SecretMetadata } from "@/lib/sources/types";

const CERTIFICATE_CONTENT_TYPES = new Set(["application/x-pkcs12", "application/x-pem-file"]);

function kindOf(properties: SecretProperties): SecretMetadata["kind"] {
  // A certificate's private key is exposed as a managed secret of the same name.
  if (properties.managed) return "certificate";
  const contentType = properties.contentType?.toLowerCase().split(";")[0]?.trim();
  return contentType && CERTIFICATE_CONTENT_TYPES.has(contentType) ? "certificate" : null;
}

/** Store facts that have no SecretMetadata field, kept as `azure:` tags next to the secret's own tags. */
function storeTags(p: SecretProperties): Record<string, string> {
  const tags: Record<string, string> = {};
  if (p.contentType) tags["azure:contentType"] = p.contentType;
  if (p.expiresOn) tags["azure:expires"] = p.expiresOn.toISOString();
  if (p.notBefore) tags["azure:notBefore"] = p.notBefore.toISOString();
  if (p.enabled === false) tags["azure:enabled"] = "false";
  if (p.managed) tags["azure:managed"] = "true";
  if (p.recoveryLevel) tags["azure:recoveryLevel"] = p.recoveryLevel;
  return tags;
}

export function mapSecret(input: { properties: SecretProperties; versions: SecretProperties[]; place: string; tagKeys: TagKeys }): SecretMetadata {
  const { properties, versions, place, tagKeys } = input;
  if (!properties.id || !properties.name) throw new SourceError("malformed", "Azure Key Vault listed a secret without an id.");
  const externalId = `${new URL(properties.id).origin}/secrets/${properties.name}`;
  const tags = { ...(properties.tags ?? {}) };
  const mapped = mapTags(tags, tagKeys);
  const created = versions.filter((v) => v.enabled !== false && v.createdOn).map((v) => v.createdOn!.getTime());
  return {
    externalId,
    name: properties.name,
    description: null,
    kind: kindOf(properties),
    environment: mapped.environment,
    tier: mapped.tier,
    lifetime: "static",
    ttlSeconds: null,
    createdAt: properties.createdOn ?? null,
    updatedAt: properties.updatedOn ?? null,
    lastRotatedAt: created.length ? new Date(Math.max(...created)) : null,
    nextRotationAt: null,
    versionCount: versions.length,
    tags: { ...tags, ...storeTags(properties) },
    owners: mapped.owners,
    consumers: mapped.consumers,
    place,
  };
}
