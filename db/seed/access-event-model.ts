// The shapes shared by the access-event generator and its scripted stories.
import type { Actor, AuditSource, ConsumerRef } from "@/db/seed/access-event-actors";

export type Action =
  | "read"
  | "list"
  | "describe"
  | "create"
  | "update"
  | "rotate"
  | "delete"
  | "restore"
  | "policy_change"
  | "tag_change"
  | "other";

/** A registered secret whose store has an audit log (AWS CloudTrail or the Vault audit device). */
export type EventSecret = {
  key: string;
  id: string;
  source: AuditSource;
  /** AWS account id; "vault" for Vault. */
  account: string;
  /** AWS: the ARN. Vault: the KV path with its mount, e.g. kv/data-platform/snowflake-loader. */
  externalId: string;
  area: string;
  environment: "prod" | "staging" | "dev" | null;
  tier: number | null;
  consumers: ConsumerRef[];
  /** People who may appear reading or changing it (role holders, active ones only). */
  humans: string[];
  operator: string | null;
  quiet: boolean;
  createdAt: Date | null;
  lastRotatedAt: Date | null;
  shortLived: boolean;
};

/** What a secret_ref points at: the secret itself (AWS), or a Vault data, metadata or folder path. */
export type RefShape = "secret" | "data" | "metadata" | "folder";
export type Operation = { raw: string; action: Action; ref: RefShape };

export type EventSpec = {
  at: Date;
  source: AuditSource;
  secretId: string | null;
  ref: string | null;
  op: Operation;
  actor: Actor;
  error?: string;
};

export const DAY_MS = 86_400_000;
export const WINDOW_DAYS = 365;

export const op = (raw: string, action: Action, ref: RefShape = "secret"): Operation => ({ raw, action, ref });
export const OPS = {
  getSecretValue: op("GetSecretValue", "read"),
  describeSecret: op("DescribeSecret", "describe"),
  putSecretValue: op("PutSecretValue", "update"),
  rotateSecret: op("RotateSecret", "rotate"),
  listSecrets: op("ListSecrets", "list"),
  putResourcePolicy: op("PutResourcePolicy", "policy_change"),
  vaultRead: op("read", "read", "data"),
  vaultUpdate: op("update", "update", "data"),
  vaultList: op("list", "list", "folder"),
};

/** The audit log's name for the thing an operation touched. */
export function refFor(secret: Pick<EventSecret, "source" | "externalId">, shape: RefShape): string {
  if (secret.source === "cloudtrail" || shape === "secret") return secret.externalId;
  const path = secret.externalId.replace(/^kv\//, "");
  if (shape === "data") return `kv/data/${path}`;
  if (shape === "metadata") return `kv/metadata/${path}`;
  return `kv/metadata/${path.slice(0, path.lastIndexOf("/") + 1)}`;
}

