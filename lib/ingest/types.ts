// The audit-log parser contract. Each store's audit log format (lib/ingest/<format>) turns into
// one normalized access event per operation on a secret. A parser never throws on bad input: a
// record it cannot read is quarantined with its location; one it can read but that is not about a
// secret (a KMS call, a Vault login) is skipped with a reason. Counts must reconcile:
// read = events + skipped + quarantined.

export const SOURCE_KINDS = ["vault", "cloudtrail", "gcp", "azure", "keyledger"] as const;
export const ACTIONS = ["read", "list", "describe", "create", "update", "rotate", "delete", "restore", "policy_change", "tag_change", "other"] as const;
export const ACTOR_TYPES = ["human", "workload", "service", "root", "unknown"] as const;
export const FORMATS = ["vault", "cloudtrail", "gcp", "azure"] as const;

export type SourceKind = (typeof SOURCE_KINDS)[number];
export type Action = (typeof ACTIONS)[number];
export type ActorType = (typeof ACTOR_TYPES)[number];
export type LogFormat = (typeof FORMATS)[number];

/** Exactly the fields `keyledger ingest --out` writes, one JSON object per line. */
export type NormalizedEvent = {
  occurredAt: string; // ISO 8601 UTC to the µs the log has: 2026-11-20T09:15:02.123Z, …02.123456Z (lib/ingest/log-time.ts)
  sourceKind: SourceKind;
  action: Action;
  rawAction: string; // the store's own name: GetSecretValue, read, SecretGet, …AccessSecretVersion
  result: "success" | "failure";
  errorCode: string | null;
  actor: string; // a stable principal: ARN, e-mail, entity id, object id…
  actorType: ActorType;
  authSource: string | null; // token, approle, iam-user, assumed-role, oidc, kubernetes, service-principal…
  sourceIp: string | null;
  userAgent: string | null;
  secretRef: string | null; // the secret as the log names it (ARN, name, kv/data/path, resource name, vault URL…)
  rawId: string; // the store's own event id: with sourceKind, the de-duplication key
};

/** Where a record is: the file and its 1-based line, or its index inside a JSON document. */
export type RecordLocation = { file: string; line?: number; index?: number };

export type ParseOutcome =
  | { kind: "event"; event: NormalizedEvent; location: RecordLocation }
  | { kind: "skipped"; reason: string; location: RecordLocation }
  | { kind: "quarantined"; reason: string; location: RecordLocation };

export type ParserInput = {
  /** The file's bytes exactly as stored: plain or gzip (detect by magic bytes, never by name). */
  stream: AsyncIterable<Uint8Array>;
  /** Its name for locations and messages. */
  file: string;
};

export type LogParser = {
  format: LogFormat;
  parse: (input: ParserInput) => AsyncIterable<ParseOutcome>;
};
