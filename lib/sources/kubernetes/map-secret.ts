// One Secret's PartialObjectMetadata → SecretMetadata. Annotations that can carry a copy of the
// Secret's data (kubectl's last-applied-configuration, kapp's original) are dropped on receipt.
import { z } from "zod";
import type { EsoLink } from "@/lib/sources/kubernetes/external-secrets";
import { mapTags, type TagKeys } from "@/lib/sources/tag-mapping";
import type { SecretMetadata } from "@/lib/sources/types";

export const secretMetadataSchema = z.object({
  metadata: z.object({
    name: z.string().min(1),
    namespace: z.string().min(1),
    uid: z.string().optional(),
    creationTimestamp: z.string().optional(),
    labels: z.record(z.string(), z.string()).optional(),
    annotations: z.record(z.string(), z.string()).optional(),
    ownerReferences: z.array(z.object({ kind: z.string(), name: z.string() })).optional(),
    managedFields: z.array(z.object({ time: z.string().optional() })).optional(),
  }),
});
export type SecretMetadataItem = z.infer<typeof secretMetadataSchema>;

const VALUE_BEARING_ANNOTATIONS = new Set(["kubectl.kubernetes.io/last-applied-configuration", "kapp.k14s.io/original"]);
const SERVICE_ACCOUNT_ANNOTATION = "kubernetes.io/service-account.name";

/** Short, flat annotations only: anything structured may embed a manifest, and with it a value. */
export function safeAnnotations(annotations: Record<string, string> = {}): Record<string, string> {
  return Object.fromEntries(
    Object.entries(annotations).filter(([key, value]) => !VALUE_BEARING_ANNOTATIONS.has(key) && value.length <= 256 && !/^\s*[[{]/.test(value) && !value.includes("\n")),
  );
}

/** Secrets that are not credentials someone owns: Helm's release records. */
export function isBookkeeping(item: SecretMetadataItem): boolean {
  return item.metadata.labels?.owner === "helm" && item.metadata.name.startsWith("sh.helm.release.v1.");
}

export function isServiceAccountToken(item: SecretMetadataItem): boolean {
  return Boolean(item.metadata.annotations?.[SERVICE_ACCOUNT_ANNOTATION]);
}

function date(value: string | undefined): Date | null {
  const d = value ? new Date(value) : null;
  return d && !Number.isNaN(d.getTime()) ? d : null;
}

function kindOf(annotations: Record<string, string>): SecretMetadata["kind"] {
  if (annotations[SERVICE_ACCOUNT_ANNOTATION]) return "access_token";
  if (annotations["cert-manager.io/certificate-name"]) return "certificate";
  return null;
}

export function mapSecret(input: { item: SecretMetadataItem; clusterName: string; eso?: EsoLink; tagKeys: TagKeys }): SecretMetadata {
  const { metadata } = input.item;
  const { clusterName, eso } = input;
  const labels = { ...(metadata.labels ?? {}) };
  const annotations = safeAnnotations(metadata.annotations);
  const mapped = mapTags({ ...annotations, ...labels }, input.tagKeys);
  const updates = (metadata.managedFields ?? []).map((f) => date(f.time)).filter((d): d is Date => d !== null);
  const owners = (metadata.ownerReferences ?? []).map((o) => `${o.kind}/${o.name}`);
  const ownedByExternalSecret = (metadata.ownerReferences ?? []).filter((o) => o.kind === "ExternalSecret").map((o) => `ExternalSecret ${metadata.namespace}/${o.name}`);
  const tags: Record<string, string> = { ...labels };
  if (eso?.remoteKeys.length) tags["eso.remoteKey"] = [...new Set(eso.remoteKeys)].join(", ");
  if (eso?.stores.length) tags["eso.store"] = [...new Set(eso.stores)].join(", ");
  if (owners.length) tags["kubernetes:ownedBy"] = owners.join(", ");
  if (annotations[SERVICE_ACCOUNT_ANNOTATION]) tags["kubernetes:serviceAccount"] = annotations[SERVICE_ACCOUNT_ANNOTATION];
  if (metadata.uid) tags["kubernetes:uid"] = metadata.uid;
  return {
    externalId: `${clusterName}/${metadata.namespace}/${metadata.name}`,
    name: `${metadata.namespace}/${metadata.name}`,
    description: null,
    kind: kindOf(annotations),
    environment: mapped.environment,
    tier: mapped.tier,
    lifetime: "static",
    ttlSeconds: null,
    createdAt: date(metadata.creationTimestamp),
    updatedAt: updates.length ? new Date(Math.max(...updates.map((d) => d.getTime()))) : null,
    lastRotatedAt: null,
    versionCount: null,
    tags,
    owners: mapped.owners,
    consumers: [...new Set([...mapped.consumers, ...(eso?.consumers ?? []), ...ownedByExternalSecret])],
    place: `Kubernetes ${clusterName}`,
  };
}
