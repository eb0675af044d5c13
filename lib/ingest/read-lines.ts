// Lines of a plain or gzip file, as a stream: a file larger than memory works, a line longer than
// `maxLineBytes` is reported (not kept), invalid UTF-8 is reported per line, and a corrupt gzip
// ends the stream with an error record instead of an exception.
import { gunzipIfNeeded } from "@/lib/ingest/gunzip";
import { redact } from "@/lib/log";

export type Line =
  | { kind: "line"; number: number; text: string }
  | { kind: "too_long"; number: number; bytes: number }
  | { kind: "invalid_utf8"; number: number }
  | { kind: "corrupt"; number: number; reason: string };

export const MAX_LINE_BYTES = 1_048_576;
const decoder = new TextDecoder("utf-8", { fatal: true });

export async function* readLines(stream: AsyncIterable<Uint8Array>, { maxLineBytes = MAX_LINE_BYTES } = {}): AsyncIterable<Line> {
  let number = 0;
  let parts: Buffer[] = [];
  let size = 0;
  let overflow = false;
  const emit = function* (chunk: Buffer): Iterable<Line> {
    number++;
    if (overflow) {
      yield { kind: "too_long", number, bytes: size };
    } else {
      const bytes = Buffer.concat([...parts, chunk]);
      const end = bytes.length && bytes[bytes.length - 1] === 0x0d ? bytes.length - 1 : bytes.length;
      try {
        yield { kind: "line", number, text: decoder.decode(bytes.subarray(0, end)) };
      } catch {
        yield { kind: "invalid_utf8", number };
      }
    }
    parts = [];
    size = 0;
    overflow = false;
  };
  try {
    for await (const raw of gunzipIfNeeded(stream)) {
      let chunk = Buffer.from(raw);
      for (let newline = chunk.indexOf(0x0a); newline !== -1; newline = chunk.indexOf(0x0a)) {
        const head = chunk.subarray(0, newline);
        size += head.length;
        if (size > maxLineBytes) overflow = true;
        yield* emit(overflow ? Buffer.alloc(0) : head);
        chunk = chunk.subarray(newline + 1);
      }
      size += chunk.length;
      if (size > maxLineBytes) {
        overflow = true;
        parts = [];
      } else if (chunk.length) parts.push(chunk);
    }
  } catch (error) {
    yield { kind: "corrupt", number: number + 1, reason: `the file is not readable past this point (${(error as Error).message})` };
    return;
  }
  if (size > 0 || overflow) yield* emit(Buffer.alloc(0));
}

/** Why a line could not be read, as a quarantine reason (Vault, CloudTrail): it never quotes the line. */
export function describeUnreadableLine(line: Exclude<Line, { kind: "line" }>): string {
  if (line.kind === "too_long") return `line is longer than ${MAX_LINE_BYTES} bytes (${line.bytes} bytes)`;
  if (line.kind === "invalid_utf8") return "line is not valid UTF-8";
  return redact(line.reason).slice(0, 200);
}
