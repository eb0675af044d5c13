// One Azure Activity Log entry about Key Vault (control plane: vaults, access policies, role
// assignments on a vault) → an access event or a skip. Two shapes exist:
// - storage account / Event Hub export (resource-log schema): operationName a string, identity.claims, resultType/resultSignature;
// - REST / `az monitor activity-log list` / portal JSON: operationName.value, claims, caller, status/subStatus, eventDataId.
// https://learn.microsoft.com/azure/azure-monitor/essentials/activity-log-schema
import { z } from "zod";
import { principalOf } from "@/lib/ingest/azure/identity";
import { activityOperation } from "@/lib/ingest/azure/operations";
import { isFailureWord, signatureName } from "@/lib/ingest/azure/result";
import { isVaultResource, refFromResourceId } from "@/lib/ingest/azure/secret-ref";
import { SKIP } from "@/lib/ingest/azure/skip-reasons";
import { digestId } from "@/lib/ingest/digest-id";
import { NOT_A_TIME, parseLogTime } from "@/lib/ingest/log-time";
import { describeIssue, ipOrNull } from "@/lib/ingest/normalize";
import type { RecordResult } from "@/lib/ingest/json/to-outcomes";

const text = z.string().nullish();
const claims = z.object({}).loose().nullish();
const valueOf = z.object({ value: text }).loose().nullish();
const properties = z.object({ entity: text, statusCode: z.union([z.string(), z.number()]).nullish(), eventDataId: text, serviceRequestId: text }).loose().nullish();

const storageSchema = z
  .object({
    time: z.string(),
    operationName: z.string(),
    resourceId: text,
    resultType: text,
    resultSignature: text,
    callerIpAddress: text,
    correlationId: text,
    identity: z.object({ claims, authorization: z.object({ scope: text }).loose().nullish() }).loose().nullish(),
    properties,
  })
  .loose();

const restSchema = z
  .object({
    eventTimestamp: z.string(),
    operationName: z.object({ value: z.string() }).loose(),
    resourceId: text,
    eventDataId: text,
    correlationId: text,
    caller: text,
    claims,
    status: valueOf,
    subStatus: valueOf,
    eventName: valueOf,
    httpRequest: z.object({ clientIpAddress: text }).loose().nullish(),
    authorization: z.object({ scope: text }).loose().nullish(),
    properties,
  })
  .loose();

type Entry = {
  time: string;
  operation: string;
  resources: (string | null | undefined)[]; // the target, best-cased first
  resultType: string | null | undefined;
  resultSignature: string | null | undefined;
  statusCode: string | number | null | undefined;
  claims: Record<string, unknown> | null;
  caller: string | null | undefined;
  callerIp: string | null | undefined;
  eventId: string | null | undefined;
  digestParts: unknown[];
};

const STARTED = /^(start|started|accept|accepted)$/i;

/** The REST shape names its operation as an object and its time eventTimestamp. */
export function isRestActivity(value: Record<string, unknown>): boolean {
  return (typeof value.operationName === "object" && value.operationName !== null) || (value.eventTimestamp !== undefined && value.time === undefined);
}

function normalize(value: Record<string, unknown>): Entry | string {
  if (isRestActivity(value)) {
    const parsed = restSchema.safeParse(value);
    if (!parsed.success) return describeIssue(parsed.error);
    const r = parsed.data;
    return {
      time: r.eventTimestamp,
      operation: r.operationName.value,
      resources: [r.properties?.entity, r.authorization?.scope, r.resourceId],
      resultType: r.eventName?.value === "BeginRequest" ? "Started" : r.status?.value,
      resultSignature: r.subStatus?.value,
      statusCode: r.properties?.statusCode,
      claims: r.claims ?? null,
      caller: r.caller,
      callerIp: r.httpRequest?.clientIpAddress,
      eventId: r.eventDataId,
      digestParts: [r.eventTimestamp, r.resourceId?.toLowerCase(), r.operationName.value.toLowerCase(), r.status?.value, r.correlationId, r.caller],
    };
  }
  const parsed = storageSchema.safeParse(value);
  if (!parsed.success) return describeIssue(parsed.error);
  const r = parsed.data;
  return {
    time: r.time,
    operation: r.operationName,
    resources: [r.properties?.entity, r.identity?.authorization?.scope, r.resourceId],
    resultType: r.resultType,
    resultSignature: r.resultSignature,
    statusCode: r.properties?.statusCode,
    claims: r.identity?.claims ?? null,
    caller: null,
    callerIp: r.callerIpAddress,
    eventId: r.properties?.eventDataId,
    digestParts: [r.time, r.resourceId?.toLowerCase(), r.operationName.toLowerCase(), r.resultType, r.resultSignature, r.correlationId, r.properties?.serviceRequestId, r.callerIpAddress],
  };
}

export function mapActivity(value: Record<string, unknown>): RecordResult {
  const entry = normalize(value);
  if (typeof entry === "string") return { kind: "quarantined", reason: entry };
  const occurredAt = parseLogTime(entry.time);
  if (!occurredAt) return { kind: "quarantined", reason: `field ${isRestActivity(value) ? "eventTimestamp" : "time"}: ${NOT_A_TIME}` };
  const resource = entry.resources.find((r) => isVaultResource(r)) ?? null;
  const operation = activityOperation(entry.operation);
  if (!resource || !operation) {
    const keyVault = resource !== null || entry.operation.trim().toLowerCase().startsWith("microsoft.keyvault/");
    return { kind: "skipped", reason: keyVault ? SKIP.notSecretOperation : SKIP.notKeyVault };
  }
  if (STARTED.test(entry.resultType?.trim() ?? "")) return { kind: "skipped", reason: SKIP.started };

  const failed = isFailureWord(entry.resultType);
  const secretRef = refFromResourceId(resource, "secret") ?? (operation.scope === "vault" ? refFromResourceId(resource, "vault") : null);
  return {
    kind: "event",
    event: {
      occurredAt,
      sourceKind: "azure",
      action: operation.action,
      rawAction: entry.operation,
      result: failed ? "failure" : "success",
      errorCode: failed ? (signatureName(entry.resultSignature) ?? signatureName(entry.statusCode) ?? "Failed") : null,
      ...principalOf(entry.claims, entry.caller),
      sourceIp: ipOrNull(entry.callerIp),
      userAgent: null,
      secretRef,
      // eventDataId is the Activity Log's own event id; the storage export does not carry it.
      rawId: entry.eventId?.trim() ? `activity:${entry.eventId.trim()}` : digestId("activity", entry.digestParts),
    },
  };
}
