// GCP Cloud Audit Logs for Secret Manager: LogEntry JSON, one per line (a log sink to Cloud
// Storage) or one JSON array (`gcloud logging read --format=json`), or a Logging API response
// ({"entries": [...]}); plain or gzip, detected from the content.
import { readJsonRecords } from "@/lib/ingest/json/json-records";
import { mapEntry } from "@/lib/ingest/gcp/map-entry";
import { toOutcomes } from "@/lib/ingest/json/to-outcomes";
import type { LogParser } from "@/lib/ingest/types";

export const gcpParser: LogParser = {
  format: "gcp",
  parse: ({ stream, file }) => toOutcomes(readJsonRecords({ stream, file, recordsKeys: ["entries"] }), mapEntry),
};
