// One ListSecrets entry → SecretMetadata. The entry is checked first: the SDK passes through
// whatever JSON the service (or a proxy) sent, and a sync must fail loudly on a response it
// cannot trust rather than store half a secret.
import { z } from "zod";
import { type AwsConfig, placeOf } from "@/lib/sources/aws/config";
import { SourceError } from "@/lib/sources/source-error";
import { mapTags, type TagKeys } from "@/lib/sources/tag-mapping";
import type { SecretMetadata } from "@/lib/sources/types";

const date = z.date().optional();

export const secretListEntrySchema = z.object({
  ARN: z.string().startsWith("arn:"),
  Name: z.string().min(1),
  Type: z.string().optional(),
  Description: z.string().optional(),
  CreatedDate: date,
  LastChangedDate: date,
  LastRotatedDate: date,
  LastAccessedDate: date,
  NextRotationDate: date,
  DeletedDate: date,
  Tags: z.array(z.object({ Key: z.string(), Value: z.string().optional() })).optional(),
  SecretVersionsToStages: z.record(z.string(), z.array(z.string())).optional(),
  OwningService: z.string().optional(),
});

export type CheckedEntry = z.output<typeof secretListEntrySchema>;

export const listSecretsPageSchema = z.object({
  SecretList: z.array(z.unknown()).optional(),
  NextToken: z.string().min(1).optional(),
});

export function checkEntry(entry: unknown, where: string): CheckedEntry {
  const parsed = secretListEntrySchema.safeParse(entry);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.join(".") || "entry";
  throw new SourceError("malformed", `AWS Secrets Manager sent a secret Keyledger cannot read (${where}, field ${field}: ${issue?.message}). Nothing was changed.`);
}

// Managed external secrets: the documented Type of each partner → provider.
const PARTNERS: [prefix: string, provider: string][] = [
  ["Salesforce", "salesforce"], ["BigID", "bigid"], ["Snowflake", "snowflake"], ["MongoDBAtlas", "mongodb-atlas"],
  ["ConfluentCloud", "confluent"], ["Datadog", "datadog"], ["GitLab", "gitlab"], ["Jenkins", "jenkins"],
  ["Netskope", "netskope"], ["Paddle", "paddle"], ["Cisco", "cisco"], ["Databricks", "databricks"],
];

const KINDS = ["api_key", "database_credential", "oauth_client", "signing_key", "access_token", "webhook_secret", "certificate", "ssh_key", "password", "encryption_key"] as const;
const PRIVILEGES = ["admin", "write", "read"] as const;

function tagValue(tags: Record<string, string>, key: string): string | null {
  const found = Object.entries(tags).find(([k]) => k.toLowerCase() === key);
  const value = found?.[1].trim();
  return value && value.toLowerCase() !== "unknown" ? value : null;
}

function oneOf<T extends string>(values: readonly T[], value: string | null): T | null {
  const normal = value?.toLowerCase().replace(/[\s-]+/g, "_");
  return (values as readonly string[]).includes(normal ?? "") ? (normal as T) : null;
}

function providerOf(entry: CheckedEntry, tags: Record<string, string>): string | null {
  const tagged = tagValue(tags, "provider");
  if (tagged) return tagged.toLowerCase();
  const partner = entry.Type ? PARTNERS.find(([prefix]) => entry.Type!.startsWith(prefix)) : undefined;
  if (partner) return partner[1];
  return entry.OwningService ? `aws-${entry.OwningService.toLowerCase()}` : null;
}

/** Labelled versions (AWSCURRENT, AWSPREVIOUS, AWSPENDING, custom); unlabelled ones are deprecated. */
export function labelledVersionCount(entry: CheckedEntry): number | null {
  return entry.SecretVersionsToStages ? Object.keys(entry.SecretVersionsToStages).length : null;
}

export function mapSecret(
  entry: CheckedEntry,
  { region, config, tagKeys, versionCount }: { region: string; config: AwsConfig; tagKeys: TagKeys; versionCount?: number | null },
): SecretMetadata {
  const tags = Object.fromEntries((entry.Tags ?? []).map((t) => [t.Key, t.Value ?? ""]));
  return {
    externalId: entry.ARN,
    name: entry.Name,
    description: entry.Description || null,
    ...mapTags(tags, tagKeys),
    kind: oneOf(KINDS, tagValue(tags, "kind")),
    privilege: oneOf(PRIVILEGES, tagValue(tags, "privilege")),
    provider: providerOf(entry, tags),
    // A Secrets Manager secret is a stored credential: rotation replaces it on a schedule but
    // does not make it expire, so it is static whatever its rotation settings.
    lifetime: "static",
    ttlSeconds: null,
    createdAt: entry.CreatedDate ?? null,
    updatedAt: entry.LastChangedDate ?? null,
    lastRotatedAt: entry.LastRotatedDate ?? null,
    // AWS records access per day: this is midnight UTC of the last day the value was read.
    lastAccessedAt: entry.LastAccessedDate ?? null,
    nextRotationAt: entry.NextRotationDate ?? null,
    versionCount: versionCount ?? labelledVersionCount(entry),
    tags,
    place: placeOf(config, region),
  };
}
