// JSON records → parse outcomes: each record mapped by the format's own function, every reason
// redacted, and a mapping bug on one record quarantines that record instead of ending the file.
// Shared by the JSON audit-log parsers.
import type { JsonRecord } from "@/lib/ingest/json/json-records";
import type { NormalizedEvent, ParseOutcome } from "@/lib/ingest/types";
import { redact } from "@/lib/log";

export type RecordResult =
  | { kind: "event"; event: NormalizedEvent }
  | { kind: "skipped"; reason: string }
  | { kind: "quarantined"; reason: string };

export async function* toOutcomes(records: AsyncIterable<JsonRecord>, map: (value: unknown) => RecordResult): AsyncIterable<ParseOutcome> {
  for await (const record of records) {
    const { location } = record;
    if (record.kind === "unreadable") {
      yield { kind: "quarantined", reason: redact(record.reason), location };
      continue;
    }
    let result: RecordResult;
    try {
      result = map(record.value);
    } catch {
      result = { kind: "quarantined", reason: "record could not be mapped (unexpected shape)" };
    }
    if (result.kind === "event") yield { kind: "event", event: result.event, location };
    else yield { kind: result.kind, reason: redact(result.reason), location };
  }
}
