// One CloudTrail record (any input shape) → its outcomes. Usually one; a BatchGetSecretValue that
// names its secrets gives one read event per secret, rawId `${eventID}#${i}`, all at the record's
// location. Records of other services (KMS, STS…) are skipped: they are not Secrets Manager.
import { isIP } from "node:net";
import type { NormalizedEvent } from "@/lib/ingest/types";
import { redact } from "@/lib/log";
import { SECRETS_MANAGER, specOf } from "@/lib/ingest/cloudtrail/actions";
import { cloudTrailEventSchema, describeIssue, describeJsonError, type CloudTrailEvent } from "@/lib/ingest/cloudtrail/event";
import { parseLogTime } from "@/lib/ingest/log-time";
import { cloudTrailActor } from "@/lib/ingest/cloudtrail/map-identity";
import type { RecordResult } from "@/lib/ingest/json/to-outcomes";
import { isPlainObject } from "@/lib/ingest/normalize";

const str = (value: unknown): string | null => (typeof value === "string" && value ? value : null);
const quarantine = (reason: string): RecordResult[] => [{ kind: "quarantined", reason }];

/** lookup-events output nests the event as a JSON string; EventBridge puts it under "detail". */
function unwrap(value: unknown): { record: unknown } | { reason: string } {
  if (!isPlainObject(value)) return { record: value };
  if (typeof value.CloudTrailEvent === "string") {
    try {
      return { record: JSON.parse(value.CloudTrailEvent) };
    } catch (error) {
      return { reason: `CloudTrailEvent: ${describeJsonError(error)}` };
    }
  }
  if (!("eventSource" in value) && isPlainObject(value.detail) && "eventSource" in value.detail) return { record: value.detail };
  return { record: value };
}

/** The most specific name the record gives the secret: a full ARN when it has one, else the id or name the caller passed. */
function secretRefOf(event: CloudTrailEvent): string | null {
  const response = event.responseElements ?? {};
  const arn = [response.arn, response.aRN, response.ARN].map(str).find((value) => value?.startsWith("arn:"));
  const resource = event.resources?.find((r) => r.type === "AWS::SecretsManager::Secret" && r.ARN)?.ARN;
  const request = event.requestParameters ?? {};
  const extra = event.additionalEventData ?? {};
  const details = event.serviceEventDetails ?? {};
  const candidates = [arn, resource, request.secretId, request.SecretId, request.name, extra.SecretId, extra.secretId, details.secretId, details.SecretId];
  return candidates.map(str).find(Boolean) ?? null;
}

type Base = Omit<NormalizedEvent, "action" | "secretRef" | "rawId">;

/** The event with its fields in the contract's order (that is how `--out` writes them). */
function finish(base: Base, action: NormalizedEvent["action"], secretRef: string | null, rawId: string): NormalizedEvent {
  const { occurredAt, sourceKind, rawAction, result, errorCode, actor, actorType, authSource, sourceIp, userAgent } = base;
  return { occurredAt, sourceKind, action, rawAction, result, errorCode, actor, actorType, authSource, sourceIp, userAgent, secretRef, rawId };
}

function baseEvent(event: CloudTrailEvent, failed: boolean): Base {
  const errorCode = str(event.errorCode)?.trim().slice(0, 100) || (event.errorMessage ? "Error" : null) || (failed ? event.eventName : null);
  const ip = event.sourceIPAddress ?? "";
  const userAgent = event.userAgent || null;
  return {
    occurredAt: parseLogTime(event.eventTime) ?? event.eventTime,
    sourceKind: "cloudtrail",
    rawAction: event.eventName,
    result: errorCode ? "failure" : "success",
    errorCode: errorCode ? redact(errorCode) : null,
    ...cloudTrailActor(event.userIdentity, userAgent),
    // AWS writes a service's name here ("secretsmanager.amazonaws.com", "AWS Internal") when a service acted: not an IP.
    sourceIp: isIP(ip) ? ip : null,
    userAgent,
  };
}

export function outcomesOf(value: unknown): RecordResult[] {
  const unwrapped = unwrap(value);
  if ("reason" in unwrapped) return quarantine(unwrapped.reason);
  const record = unwrapped.record;
  if (!isPlainObject(record)) return quarantine("not a JSON object");
  if ("digestStartTime" in record && !("eventSource" in record)) return [{ kind: "skipped", reason: "CloudTrail digest, not an event" }];
  if (record.eventType === "AwsCloudTrailInsight") return [{ kind: "skipped", reason: "CloudTrail Insights event, not an access" }];
  if (typeof record.eventSource !== "string") return quarantine(`eventSource: ${"eventSource" in record ? "not a string" : "missing"}`);
  if (record.eventSource !== SECRETS_MANAGER) return [{ kind: "skipped", reason: `not Secrets Manager (${redact(record.eventSource).slice(0, 60)})` }];

  const parsed = cloudTrailEventSchema.safeParse(record);
  if (!parsed.success) return quarantine(describeIssue(parsed.error));
  const event = parsed.data;
  const spec = specOf(event.eventName);
  if ("skip" in spec) return [{ kind: "skipped", reason: spec.skip }];
  const base = baseEvent(event, spec.failed ?? false);

  const ids = event.eventName === "BatchGetSecretValue" ? event.requestParameters?.secretIdList : undefined;
  if (Array.isArray(ids) && ids.length && ids.every((id) => typeof id === "string" && id)) {
    return ids.map((id, i) => ({ kind: "event", event: finish(base, spec.action, id as string, `${event.eventID}#${i}`) }));
  }
  return [{ kind: "event", event: finish(base, spec.action, secretRefOf(event), event.eventID) }];
}
