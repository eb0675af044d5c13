// Azure Key Vault diagnostic logs (category AuditEvent) and Activity Log entries about Key Vault:
// one JSON record per line (storage account export), {"records": [...]} (Event Hub, older storage
// blobs), or a JSON array (`az monitor activity-log list`); plain or gzip, detected from the content.
import { mapRecord } from "@/lib/ingest/azure/map-record";
import { readJsonRecords } from "@/lib/ingest/json/json-records";
import { toOutcomes } from "@/lib/ingest/json/to-outcomes";
import type { LogParser } from "@/lib/ingest/types";

export const azureParser: LogParser = {
  format: "azure",
  parse: ({ stream, file }) => toOutcomes(readJsonRecords({ stream, file, recordsKeys: ["records"] }), mapRecord),
};
