// AWS CloudTrail → Secrets Manager access events, from every shape CloudTrail data comes in,
// detected from the content (lib/ingest/cloudtrail/detect-shape.ts), plain or gzip:
//   - delivery files {"Records":[…]}, lookup-events output {"Events":[…]}, a JSON array of events,
//     concatenated pretty-printed events: streamed with stream-json, located by record index;
//   - one event per line: located by line number (a line may also hold a whole {"Records":[…]},
//     then each record is located by line and index).
// The JSON document reader is the one the GCP and Azure parsers use (lib/ingest/json), with
// CloudTrail's wrappers: "Records" (delivery files) and "Events" (lookup-events output).
// read = events + skipped + quarantined counts outcomes: a record has one outcome, except a
// BatchGetSecretValue naming N secrets, which has N events at the same location.
import { describeUnreadableLine, readLines, MAX_LINE_BYTES } from "@/lib/ingest/read-lines";
import type { LogParser, ParseOutcome, ParserInput, RecordLocation } from "@/lib/ingest/types";
import { redact } from "@/lib/log";
import { detectShape } from "@/lib/ingest/cloudtrail/detect-shape";
import { describeJsonError } from "@/lib/ingest/cloudtrail/event";
import { gunzipIfNeeded } from "@/lib/ingest/gunzip";
import { decodeUtf8 } from "@/lib/ingest/json/byte-stream";
import { readJsonDocument } from "@/lib/ingest/json/json-document";
import { outcomesOf } from "@/lib/ingest/cloudtrail/map-event";
import type { RecordResult } from "@/lib/ingest/json/to-outcomes";
import { isPlainObject } from "@/lib/ingest/normalize";

const located = (outcomes: RecordResult[], location: RecordLocation): ParseOutcome[] => outcomes.map((outcome) => ({ ...outcome, location }));

const WRAPPER_KEYS = ["Records", "Events"] as const;

async function* fromDocument(bytes: AsyncIterable<Uint8Array>, file: string): AsyncIterable<ParseOutcome> {
  for await (const item of readJsonDocument(decodeUtf8(bytes), { file, recordsKeys: WRAPPER_KEYS, maxRecordBytes: MAX_LINE_BYTES })) {
    if (item.kind === "record") yield* located(outcomesOf(item.value), item.location);
    else yield { kind: "quarantined", reason: redact(item.reason).slice(0, 200), location: item.location };
  }
}

function fromLine(text: string, file: string, line: number): ParseOutcome[] {
  if (!text.trim()) return [{ kind: "skipped", reason: "blank line", location: { file, line } }];
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return [{ kind: "quarantined", reason: describeJsonError(error), location: { file, line } }];
  }
  const wrapper = isPlainObject(value) ? value : undefined;
  const wrapped = wrapper ? WRAPPER_KEYS.map((key) => wrapper[key]).find((records) => records !== undefined) : undefined;
  const records = Array.isArray(value) ? value : Array.isArray(wrapped) ? wrapped : null;
  if (!records) return located(outcomesOf(value), { file, line });
  if (!records.length) return [{ kind: "skipped", reason: "empty list of records", location: { file, line } }];
  return records.flatMap((record, index) => located(outcomesOf(record), { file, line, index }));
}

async function* fromLines(bytes: AsyncIterable<Uint8Array>, file: string): AsyncIterable<ParseOutcome> {
  for await (const line of readLines(bytes)) {
    if (line.kind === "line") yield* fromLine(line.number === 1 ? line.text.replace(/^\uFEFF/, "") : line.text, file, line.number);
    else yield { kind: "quarantined", reason: describeUnreadableLine(line), location: { file, line: line.number } };
  }
}

async function* parse({ stream, file }: ParserInput): AsyncIterable<ParseOutcome> {
  const { shape, replay } = await detectShape(gunzipIfNeeded(stream));
  yield* shape === "document" ? fromDocument(replay, file) : fromLines(replay, file);
}

export const cloudTrailParser: LogParser = { format: "cloudtrail", parse };
