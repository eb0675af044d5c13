// JSON records from an audit-log export, whatever its shape, detected from the content (never the
// file name): one JSON value per line (log sinks, storage exports), or one JSON document (a
// top-level array from `gcloud logging read --format=json` or `az monitor activity-log list`, a
// {"records": [...]} / {"entries": [...]} wrapper, a pretty-printed record). Plain or gzip.
// Each record or unreadable stretch comes out with its location; nothing here throws on bad input.
// Shared by the GCP, Azure and CloudTrail parsers (CloudTrail tells lines from a document itself and
// uses the document reader directly).
import { decodeUtf8 } from "@/lib/ingest/json/byte-stream";
import { gunzipIfNeeded } from "@/lib/ingest/gunzip";
import { readJsonDocument } from "@/lib/ingest/json/json-document";
import { describeJsonError, isPlainObject } from "@/lib/ingest/normalize";
import { MAX_LINE_BYTES, readLines } from "@/lib/ingest/read-lines";
import type { RecordLocation } from "@/lib/ingest/types";

export type JsonRecord =
  | { kind: "record"; value: unknown; location: RecordLocation }
  | { kind: "unreadable"; reason: string; location: RecordLocation };

export type JsonRecordsInput = {
  stream: AsyncIterable<Uint8Array>;
  file: string;
  /** The wrapper keys around a records array: "records" (Azure), "entries" (Logging API). */
  recordsKeys?: readonly string[];
};

const PEEK_BYTES = 65_536;

/** Lines mode unless the start of the content says it is one JSON document. */
export function chooseShape(head: string, ended: boolean, recordsKeys: readonly string[] = []): "lines" | "document" {
  const text = head.replace(/^\uFEFF/, "");
  const start = text.search(/\S/);
  if (start === -1 || text[start] !== "[" && text[start] !== "{") return "lines";
  if (text[start] === "[") return "document";
  const newline = text.indexOf("\n", start);
  const firstLine = (newline === -1 ? text.slice(start) : text.slice(start, newline)).trim();
  if (newline !== -1 || ended) {
    try {
      JSON.parse(firstLine);
      return "lines";
    } catch {
      // A first line that opens a value without closing it is the start of a pretty-printed document.
      return /[{[,:]$/.test(firstLine) ? "document" : "lines";
    }
  }
  // A first line longer than the peek: a wrapper is one long document, anything else a long line.
  return recordsKeys.some((key) => firstLine.startsWith(`{"${key}"`)) ? "document" : "lines";
}

function recordsOf(value: unknown, recordsKeys: readonly string[]): unknown[] | null {
  if (Array.isArray(value)) return value;
  if (!isPlainObject(value)) return null;
  const key = recordsKeys.find((k) => Array.isArray(value[k]));
  return key ? (value[key] as unknown[]) : null;
}

async function* readJsonLines(bytes: AsyncIterable<Uint8Array>, file: string, recordsKeys: readonly string[]): AsyncIterable<JsonRecord> {
  for await (const line of readLines(bytes)) {
    const location = { file, line: line.number };
    if (line.kind === "too_long") {
      yield { kind: "unreadable", reason: `line is longer than ${MAX_LINE_BYTES / 1_048_576} MiB (${line.bytes} bytes); not read`, location };
    } else if (line.kind === "invalid_utf8") {
      yield { kind: "unreadable", reason: "line is not valid UTF-8", location };
    } else if (line.kind === "corrupt") {
      yield { kind: "unreadable", reason: line.reason, location };
    } else {
      const text = line.number === 1 ? line.text.replace(/^\uFEFF/, "") : line.text;
      if (!text.trim()) continue;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (error) {
        yield { kind: "unreadable", reason: describeJsonError(error), location };
        continue;
      }
      const members = recordsOf(value, recordsKeys);
      if (!members) yield { kind: "record", value, location };
      else for (const [index, member] of members.entries()) yield { kind: "record", value: member, location: { ...location, index } };
    }
  }
}

export async function* readJsonRecords(input: JsonRecordsInput): AsyncIterable<JsonRecord> {
  const bytes = gunzipIfNeeded(input.stream)[Symbol.asyncIterator]();
  const peeked: Uint8Array[] = [];
  let size = 0;
  let ended = false;
  let failure: unknown = null;
  let content = false;
  try {
    peek: while (size < PEEK_BYTES) {
      const next = await bytes.next();
      if (next.done) {
        ended = true;
        break;
      }
      peeked.push(next.value);
      size += next.value.length;
      for (const byte of next.value) {
        if (content && byte === 0x0a) break peek;
        if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) content = true;
      }
    }
  } catch (error) {
    failure = error;
  }
  const replay = (async function* () {
    yield* peeked;
    if (failure) throw failure;
    if (!ended) for (let next = await bytes.next(); !next.done; next = await bytes.next()) yield next.value;
  })();
  const head = Buffer.concat(peeked).toString("utf8");
  const recordsKeys = input.recordsKeys ?? [];
  if (chooseShape(head, ended || failure !== null, recordsKeys) === "lines") yield* readJsonLines(replay, input.file, recordsKeys);
  else yield* readJsonDocument(decodeUtf8(replay), { file: input.file, recordsKeys, maxRecordBytes: MAX_LINE_BYTES });
}
