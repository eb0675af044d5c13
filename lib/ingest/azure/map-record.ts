// One Azure log record → an access event, a skip or a quarantine: a Key Vault AuditEvent (resource
// log, data plane) or an Activity Log entry (control plane), told apart by their fields.
import { mapActivity, isRestActivity } from "@/lib/ingest/azure/map-activity";
import { mapAuditEvent } from "@/lib/ingest/azure/map-audit-event";
import { SKIP } from "@/lib/ingest/azure/skip-reasons";
import { isPlainObject } from "@/lib/ingest/normalize";
import type { RecordResult } from "@/lib/ingest/json/to-outcomes";

const KEY_VAULT_OPERATION = /^(secret|key|certificate|vault|authentication)/i;

export function mapRecord(value: unknown): RecordResult {
  if (!isPlainObject(value)) return { kind: "quarantined", reason: "not a JSON object" };
  if (isRestActivity(value)) return mapActivity(value);
  const { operationName, category, time } = value;
  if (typeof operationName !== "string") {
    return { kind: "quarantined", reason: operationName === undefined ? "missing field operationName" : "field operationName: expected string or object" };
  }
  if (time === undefined) return { kind: "quarantined", reason: "missing field time" };
  if (typeof category === "string" && category.trim().toLowerCase() === "auditevent") return mapAuditEvent(value);
  if (operationName.includes("/")) return mapActivity(value);
  // A resource-log record without a category: Key Vault's data-plane names give it away.
  if (category === undefined && KEY_VAULT_OPERATION.test(operationName)) return mapAuditEvent(value);
  return { kind: "skipped", reason: SKIP.notKeyVault };
}
