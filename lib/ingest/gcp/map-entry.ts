// One Cloud Logging LogEntry → an access event, a skip (not about a secret) or a quarantine (not
// readable as a LogEntry). Admin Activity, Data Access and Policy Denied audit logs all count.
// https://cloud.google.com/logging/docs/reference/v2/rest/v2/LogEntry
import { z } from "zod";
import { grpcCodeName } from "@/lib/ingest/gcp/grpc-codes";
import { actionOf, maskPaths, secretMethod } from "@/lib/ingest/gcp/methods";
import { digestId } from "@/lib/ingest/digest-id";
import { NOT_A_TIME, parseLogTime } from "@/lib/ingest/log-time";
import { capText, describeIssue, ipOrNull, isPlainObject } from "@/lib/ingest/normalize";
import { principalOf } from "@/lib/ingest/gcp/principal";
import type { RecordResult } from "@/lib/ingest/json/to-outcomes";

export const SKIP = {
  notAudit: "not an audit log entry",
  notSecretManager: "not a Secret Manager entry",
  notSecretOperation: "not a secret operation",
} as const;

const AUDIT_LOG_TYPE = "type.googleapis.com/google.cloud.audit.AuditLog";
const SECRET_MANAGER = "secretmanager.googleapis.com";

// Exporters (a SIEM, a trimmed documentation sample) may drop insertId, timestamp and logName.
const envelopeSchema = z.object({ insertId: z.string().optional(), timestamp: z.string().optional(), logName: z.string().optional() }).loose();
const requestTimeSchema = z.object({ protoPayload: z.object({ requestMetadata: z.object({ requestAttributes: z.object({ time: z.string() }) }) }) });
const REQUEST_TIME = "protoPayload.requestMetadata.requestAttributes.time";
const payloadHeadSchema = z.object({ "@type": z.string().optional(), serviceName: z.string(), methodName: z.string() }).loose();
const auditLogSchema = z
  .object({
    resourceName: z.string().optional(),
    authenticationInfo: z
      .object({ principalEmail: z.string().optional(), principalSubject: z.string().optional(), serviceAccountDelegationInfo: z.array(z.unknown()).optional() })
      .loose()
      .optional(),
    requestMetadata: z.object({ callerIp: z.string().optional(), callerSuppliedUserAgent: z.string().optional() }).loose().optional(),
    status: z.object({ code: z.union([z.number(), z.string()]).optional() }).loose().optional(),
    request: z.object({ parent: z.string().optional(), secretId: z.string().optional(), updateMask: z.unknown().optional() }).loose().optional(),
  })
  .loose();

// projects/<p>[/locations/<l>]/secrets/<name>[/versions/<v>], the shape of the connector's externalId.
const SECRET_NAME = /^(projects\/[^/]+(?:\/locations\/[^/]+)?\/secrets\/[^/]+)(?:\/versions\/[^/]+)?$/;
const STORE_NAME = /^projects\/[^/]+(?:\/locations\/[^/]+)?$/;

type Request = z.infer<typeof auditLogSchema>["request"];

/** The secret the entry is about; for store-level calls (ListSecrets) the project (or location). */
function secretRefOf(resourceName: string | undefined, request: Request): { ref: string | null; isSecret: boolean } {
  const name = resourceName?.trim().replace(/^\/\/secretmanager\.googleapis\.com\//, "");
  const secret = name ? SECRET_NAME.exec(name) : null;
  if (secret) return { ref: secret[1]!, isSecret: true };
  if (request?.parent && STORE_NAME.test(request.parent) && request.secretId && !request.secretId.includes("/")) {
    return { ref: `${request.parent}/secrets/${request.secretId}`, isSecret: true };
  }
  return { ref: name && STORE_NAME.test(name) ? name : null, isSecret: false };
}

/** The entry's timestamp or, when an export dropped it, the time the request was received. */
function timeOf(value: Record<string, unknown>, timestamp: string | undefined): string | { reason: string } {
  if (timestamp !== undefined) return parseLogTime(timestamp) ?? { reason: `field timestamp: ${NOT_A_TIME}` };
  const request = requestTimeSchema.safeParse(value);
  if (!request.success) return { reason: "missing field timestamp" };
  return parseLogTime(request.data.protoPayload.requestMetadata.requestAttributes.time) ?? { reason: `field ${REQUEST_TIME}: ${NOT_A_TIME}` };
}

export function mapEntry(value: unknown): RecordResult {
  if (!isPlainObject(value)) return { kind: "quarantined", reason: "not a JSON object" };
  const envelope = envelopeSchema.safeParse(value);
  if (!envelope.success) return { kind: "quarantined", reason: describeIssue(envelope.error) };
  const occurredAt = timeOf(value, envelope.data.timestamp);
  if (typeof occurredAt !== "string") return { kind: "quarantined", reason: occurredAt.reason };

  const payload = value.protoPayload;
  if (payload === undefined) return { kind: "skipped", reason: SKIP.notAudit };
  if (!isPlainObject(payload)) return { kind: "quarantined", reason: "field protoPayload: expected object" };
  const head = payloadHeadSchema.safeParse(payload);
  if (!head.success) return { kind: "quarantined", reason: describeIssue(head.error, "protoPayload") };
  if (head.data["@type"] !== undefined && head.data["@type"] !== AUDIT_LOG_TYPE) return { kind: "skipped", reason: SKIP.notAudit };
  if (head.data.serviceName !== SECRET_MANAGER) return { kind: "skipped", reason: SKIP.notSecretManager };

  const audit = auditLogSchema.safeParse(payload);
  if (!audit.success) return { kind: "quarantined", reason: describeIssue(audit.error, "protoPayload") };
  const { resourceName, authenticationInfo, requestMetadata, status, request } = audit.data;
  const { methodName } = head.data;
  const { ref, isSecret } = secretRefOf(resourceName, request);
  const method = secretMethod(methodName);
  // A Secret Manager method this table does not know yet still counts when it names a secret.
  const action = actionOf(method, maskPaths(request?.updateMask)) ?? (method && isSecret ? "other" : null);
  if (!action) return { kind: "skipped", reason: SKIP.notSecretOperation };

  const code = status?.code === undefined ? "OK" : grpcCodeName(status.code);
  if (!code) return { kind: "quarantined", reason: "field protoPayload.status.code: not a status code" };
  const { logName, insertId } = envelope.data;
  return {
    kind: "event",
    event: {
      occurredAt,
      sourceKind: "gcp",
      action,
      rawAction: methodName,
      result: code === "OK" ? "success" : "failure",
      errorCode: code === "OK" ? null : code,
      ...principalOf(authenticationInfo),
      sourceIp: ipOrNull(requestMetadata?.callerIp),
      userAgent: capText(requestMetadata?.callerSuppliedUserAgent),
      secretRef: ref,
      // insertId is unique within a log; the log name makes it unique across the sinks' exports.
      // An entry exported without it is known by its content.
      rawId: insertId ? (logName ? `${logName}#${insertId}` : insertId) : digestId("entry", value),
    },
  };
}
