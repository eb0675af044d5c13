// The connector contract. A connector reads METADATA ONLY from one kind of secret store and streams it
// as SecretMetadata; it never calls an operation that returns a value (docs/architecture.md, rule 1).
// Anything a store cannot tell is left null ("unknown"), never guessed.
import type { z } from "zod";
import type { ENVIRONMENTS, LIFETIMES, PRIVILEGES, SECRET_KINDS, SOURCE_KIND_VALUES } from "@/lib/domain/registry-values";
import type { OwnershipRole } from "@/lib/domain/roles";
import type { CredentialSlot } from "@/lib/sources/credentials";
import type { TagKeys } from "@/lib/sources/tag-mapping";

export type SourceKind = (typeof SOURCE_KIND_VALUES)[number];

export type SecretMetadata = {
  /** Stable id within the store (ARN, path, resource name…). With the source, the secret's identity. */
  externalId: string;
  name: string;
  description?: string | null;
  environment?: (typeof ENVIRONMENTS)[number] | null;
  kind?: (typeof SECRET_KINDS)[number] | null;
  provider?: string | null;
  tier?: 1 | 2 | 3 | 4 | null;
  privilege?: (typeof PRIVILEGES)[number] | null;
  lifetime?: (typeof LIFETIMES)[number] | null;
  ttlSeconds?: number | null;
  createdAt?: Date | null;
  updatedAt?: Date | null;
  lastRotatedAt?: Date | null;
  lastAccessedAt?: Date | null;
  nextRotationAt?: Date | null;
  versionCount?: number | null;
  tags: Record<string, string>;
  /** Owners named by the store's tags/labels: an e-mail or a user name, per role. */
  owners: Partial<Record<OwnershipRole, string>>;
  /** Services, pipelines or clusters the store says use this secret. */
  consumers: string[];
  /** Where the store keeps it, in words ("AWS Secrets Manager us-east-1", "kv/ at vault.internal"). */
  place: string;
  /** Who can decrypt or read it according to the store (SOPS recipients, selected repos…). */
  readers?: string[];
};

export type LeastPrivilegePolicy = { title: string; format: "json" | "hcl" | "yaml" | "text"; text: string; notes?: string };

export type ConnectorContext<C> = {
  config: C;
  tagKeys: TagKeys;
  /** The HTTP client to use for documented HTTP APIs (tests point connectors at local wire servers). */
  fetch: typeof fetch;
  signal?: AbortSignal;
};

export type Connector<C = Record<string, unknown>> = {
  kind: SourceKind;
  label: string;
  /** The SecretMetadata fields this store can fill. */
  provides: (keyof SecretMetadata)[];
  /** Configuration: where the store is and where credentials come from — never credentials. */
  configSchema: z.ZodType<C>;
  policy: (config: C) => LeastPrivilegePolicy;
  /** The credentials it reads through lib/sources/credentials.ts (…Env / …File and their defaults). */
  credentials?: (config: C) => CredentialSlot[];
  testConnection: (ctx: ConnectorContext<C>) => Promise<{ detail: string }>;
  listSecrets: (ctx: ConnectorContext<C>) => AsyncIterable<SecretMetadata>;
};
