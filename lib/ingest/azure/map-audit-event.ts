// One Key Vault AuditEvent (resource log, data plane) → an access event or a skip.
// Fields: https://learn.microsoft.com/azure/key-vault/general/logging#interpret-your-key-vault-logs
import { z } from "zod";
import { principalOf, hasCaller } from "@/lib/ingest/azure/identity";
import { auditOperation, isSecretNotification } from "@/lib/ingest/azure/operations";
import { httpStatus, isFailureWord, signatureName, statusName } from "@/lib/ingest/azure/result";
import { isVaultResource, refFromResourceId, secretUrl, vaultUrl } from "@/lib/ingest/azure/secret-ref";
import { SKIP } from "@/lib/ingest/azure/skip-reasons";
import { digestId } from "@/lib/ingest/digest-id";
import { NOT_A_TIME, parseLogTime } from "@/lib/ingest/log-time";
import { capText, describeIssue, ipOrNull } from "@/lib/ingest/normalize";
import type { RecordResult } from "@/lib/ingest/json/to-outcomes";

const text = z.string().nullish();
const auditEventSchema = z
  .object({
    time: z.string(),
    operationName: z.string(),
    resourceId: text,
    resultType: text,
    resultSignature: z.union([z.string(), z.number()]).nullish(),
    correlationId: text,
    callerIpAddress: text,
    durationMs: z.union([z.string(), z.number()]).nullish(),
    identity: z.object({ claim: z.object({}).loose().nullish() }).loose().nullish(),
    properties: z
      .object({ id: text, clientInfo: text, requestUri: text, httpStatusCode: z.union([z.number(), z.string()]).nullish() })
      .loose()
      .nullish(),
  })
  .loose();

export function mapAuditEvent(value: Record<string, unknown>): RecordResult {
  const parsed = auditEventSchema.safeParse(value);
  if (!parsed.success) return { kind: "quarantined", reason: describeIssue(parsed.error) };
  const record = parsed.data;
  const occurredAt = parseLogTime(record.time);
  if (!occurredAt) return { kind: "quarantined", reason: `field time: ${NOT_A_TIME}` };
  // Managed HSMs (and other services) write AuditEvent records too; they hold no secrets.
  if (record.resourceId && !isVaultResource(record.resourceId)) return { kind: "skipped", reason: SKIP.notKeyVault };
  const operation = auditOperation(record.operationName);
  if (!operation) return { kind: "skipped", reason: isSecretNotification(record.operationName) ? SKIP.notification : SKIP.notSecretOperation };

  const claims = record.identity?.claim ?? null;
  const properties = record.properties ?? {};
  const status = httpStatus(properties.httpStatusCode) ?? httpStatus(record.resultSignature);
  // Clients first call without a token and get a 401 challenge: no caller, no access attempt.
  if (!hasCaller(claims) && (status === 401 || signatureName(record.resultSignature) === "Unauthorized")) return { kind: "skipped", reason: SKIP.challenge };

  const failed = (status !== null && status >= 400) || isFailureWord(record.resultType);
  const principal = principalOf(claims);
  const restore = record.operationName.trim().toLowerCase() === "secretrestore"; // its URI is .../secrets/restore
  const secretRef =
    operation.scope === "secret"
      ? (secretUrl(properties.id) ?? (restore ? null : secretUrl(properties.requestUri)))
      : (vaultUrl(properties.id) ?? vaultUrl(properties.requestUri) ?? refFromResourceId(record.resourceId, "vault"));
  return {
    kind: "event",
    event: {
      occurredAt,
      sourceKind: "azure",
      action: operation.action,
      rawAction: record.operationName,
      result: failed ? "failure" : "success",
      errorCode: failed ? (signatureName(record.resultSignature) ?? (status !== null && status >= 400 ? statusName(status) : "Failure")) : null,
      ...principal,
      sourceIp: ipOrNull(record.callerIpAddress),
      userAgent: capText(properties.clientInfo),
      secretRef,
      // AuditEvent has no per-request id: correlationId is an optional client GUID (often empty or
      // reused) and properties.id is the secret's URI. The request's own fields, hashed, are the id.
      rawId: digestId("kv", [
        record.time, record.resourceId?.toLowerCase(), record.operationName, record.correlationId, properties.requestUri, properties.id,
        record.callerIpAddress, principal.actor, properties.httpStatusCode ?? record.resultSignature, record.durationMs === undefined ? null : String(record.durationMs),
      ]),
    },
  };
}
