// Every Secrets Manager event name → Keyledger's action vocabulary. API calls and the service's own
// events (rotation, scheduled version deletion, replication) are all here; a name AWS adds later
// still becomes an event, with action "other". Failure of a service event is in its name.
import type { Action } from "@/lib/ingest/types";

export type EventSpec = { action: Action; failed?: boolean } | { skip: string };

export const SECRETS_MANAGER = "secretsmanager.amazonaws.com";

export const EVENT_SPECS: Record<string, EventSpec> = {
  GetSecretValue: { action: "read" },
  BatchGetSecretValue: { action: "read" },
  CreateSecret: { action: "create" },
  PutSecretValue: { action: "update" },
  UpdateSecret: { action: "update" },
  UpdateSecretVersionStage: { action: "update" },
  CancelRotateSecret: { action: "update" },
  ReplicateSecretToRegions: { action: "update" },
  RemoveRegionsFromReplication: { action: "update" },
  StopReplicationToReplica: { action: "update" },
  RotateSecret: { action: "rotate" },
  RotationStarted: { action: "rotate" },
  RotationSucceeded: { action: "rotate" },
  RotationFailed: { action: "rotate", failed: true },
  RotationAbandoned: { action: "rotate", failed: true },
  DeleteSecret: { action: "delete" },
  StartSecretVersionDelete: { action: "delete" },
  EndSecretVersionDelete: { action: "delete" },
  RestoreSecret: { action: "restore" },
  CancelSecretVersionDelete: { action: "restore" },
  TagResource: { action: "tag_change" },
  UntagResource: { action: "tag_change" },
  PutResourcePolicy: { action: "policy_change" },
  DeleteResourcePolicy: { action: "policy_change" },
  GetResourcePolicy: { action: "describe" },
  ValidateResourcePolicy: { action: "describe" },
  DescribeSecret: { action: "describe" },
  ListSecretVersionIds: { action: "list" },
  ListSecrets: { action: "list" },
  ReplicationStarted: { action: "other" },
  ReplicationSucceeded: { action: "other" },
  ReplicationFailed: { action: "other", failed: true },
  GetRandomPassword: { skip: "not about a secret: GetRandomPassword" },
};

export function specOf(eventName: string): EventSpec {
  return Object.hasOwn(EVENT_SPECS, eventName) ? (EVENT_SPECS[eventName] as EventSpec) : { action: "other" };
}
