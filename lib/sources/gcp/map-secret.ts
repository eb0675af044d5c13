// A Secret Manager Secret (+ its versions' metadata) → SecretMetadata. Pure; no payload is ever involved.
import type { protos } from "@google-cloud/secret-manager";
import { SourceError } from "@/lib/sources/source-error";
import { mapTags, type TagKeys } from "@/lib/sources/tag-mapping";
import type { SecretMetadata } from "@/lib/sources/types";

type Secret = protos.google.cloud.secretmanager.v1.ISecret;
type SecretVersion = protos.google.cloud.secretmanager.v1.ISecretVersion;
type Seconds = number | string | { toString(): string } | null | undefined;

const SECRET_NAME = /^projects\/[^/]+(?:\/locations\/[^/]+)?\/secrets\/([^/]+)$/;

export function timestampToDate(ts: { seconds?: Seconds; nanos?: number | null } | null | undefined): Date | null {
  if (!ts || ts.seconds === null || ts.seconds === undefined) return null;
  const seconds = Number(ts.seconds.toString());
  if (!Number.isFinite(seconds)) return null;
  return new Date(seconds * 1000 + Math.floor((ts.nanos ?? 0) / 1e6));
}

function durationSeconds(d: { seconds?: Seconds } | null | undefined): number | null {
  if (!d || d.seconds === null || d.seconds === undefined) return null;
  const seconds = Number(d.seconds.toString());
  return Number.isFinite(seconds) ? seconds : null;
}

function formatPeriod(seconds: number): string {
  return seconds % 86_400 === 0 ? `${seconds / 86_400}d` : `${seconds}s`;
}

function stateOf(version: SecretVersion): "ENABLED" | "DISABLED" | "DESTROYED" | "UNSPECIFIED" {
  const state = version.state as unknown;
  if (state === "ENABLED" || state === 1) return "ENABLED";
  if (state === "DISABLED" || state === 2) return "DISABLED";
  if (state === "DESTROYED" || state === 3) return "DESTROYED";
  return "UNSPECIFIED";
}

function replicationOf(secret: Secret): string | null {
  if (secret.replication?.automatic) return "automatic";
  const replicas = secret.replication?.userManaged?.replicas ?? [];
  return replicas.length ? `user-managed: ${replicas.map((r) => r.location).filter(Boolean).join(", ")}` : null;
}

/** Store facts that have no SecretMetadata field, kept as `gcp:` tags next to the labels. */
function storeTags(secret: Secret): Record<string, string> {
  const tags: Record<string, string> = {};
  const expireTime = timestampToDate(secret.expireTime);
  if (expireTime) tags["gcp:expireTime"] = expireTime.toISOString();
  const period = durationSeconds(secret.rotation?.rotationPeriod);
  if (period) tags["gcp:rotationPeriod"] = formatPeriod(period);
  const replication = replicationOf(secret);
  if (replication) tags["gcp:replication"] = replication;
  const topics = (secret.topics ?? []).map((t) => t.name).filter((n): n is string => Boolean(n));
  if (topics.length) tags["gcp:topics"] = topics.join(", ");
  return tags;
}

export function mapSecret(input: { secret: Secret; versions: SecretVersion[]; place: string; tagKeys: TagKeys }): SecretMetadata {
  const { secret, versions, place, tagKeys } = input;
  const match = secret.name?.match(SECRET_NAME);
  if (!secret.name || !match?.[1]) throw new SourceError("malformed", `GCP Secret Manager listed a secret without a valid resource name (${JSON.stringify(secret.name ?? null)}).`);
  const labels = { ...(secret.labels ?? {}) };
  const annotations = { ...(secret.annotations ?? {}) };
  const enabled = versions.filter((v) => stateOf(v) === "ENABLED").map((v) => timestampToDate(v.createTime)).filter((d): d is Date => d !== null);
  const lastRotatedAt = enabled.length ? new Date(Math.max(...enabled.map((d) => d.getTime()))) : null;
  const annotationTags = Object.fromEntries(Object.entries(annotations).map(([k, v]) => [`annotation:${k}`, v]));
  // Labels only allow lowercase letters, digits, - and _, so owners' e-mails usually sit in annotations.
  const mapped = mapTags({ ...annotations, ...labels }, tagKeys);
  return {
    externalId: secret.name,
    name: match[1],
    description: null,
    environment: mapped.environment,
    tier: mapped.tier,
    lifetime: "static",
    ttlSeconds: null,
    createdAt: timestampToDate(secret.createTime),
    updatedAt: null,
    lastRotatedAt,
    nextRotationAt: timestampToDate(secret.rotation?.nextRotationTime),
    versionCount: versions.filter((v) => stateOf(v) !== "DESTROYED").length,
    tags: { ...labels, ...annotationTags, ...storeTags(secret) },
    owners: mapped.owners,
    consumers: mapped.consumers,
    place,
  };
}
