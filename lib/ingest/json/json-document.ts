// Records of one JSON document streamed with stream-json: the elements of a top-level array, the
// elements of a wrapper's records array ({"records": [...]}, {"entries": [...]}), or top-level
// objects themselves (one pretty-printed record, or several concatenated). A record is located by
// its 0-based index in the file and the line it starts on. JSON cannot be resynchronised after a
// syntax error, so the first error ends the file with one located "unreadable" outcome.
// Shared by the GCP, Azure and CloudTrail parsers.
import { getManyValues, isMany, none } from "stream-chain/defs.js";
import { jsonParser, type Token } from "stream-json/core/parser.js";
import type { TextPiece } from "@/lib/ingest/json/byte-stream";
import type { JsonRecord } from "@/lib/ingest/json/json-records";
import { ValueAssembler } from "@/lib/ingest/json/value-assembler";
import type { RecordLocation } from "@/lib/ingest/types";

export type DocumentOptions = { file: string; recordsKeys: readonly string[]; maxRecordBytes: number };

// Text is fed in slices that never cross a line, so a record's line is known; tokens of a slice
// that fails to parse are lost with it, so slices stay small.
const SLICE_CHARS = 4096;

class ParseFailure extends Error {}

type Open = { asm: ValueAssembler; line: number; index: number | null; wrapper: boolean };

class DocumentRouter {
  line = 1;
  readonly out: JsonRecord[] = [];
  private next = 0;
  private outer: ("array" | "records")[] = [];
  private record: Open | null = null;
  private top: Open | null = null;
  private taintNext = false;

  constructor(private readonly options: DocumentOptions) {}

  consume(token: Token): void {
    if (this.record) return this.feed(this.record, token);
    if (this.outer.length) {
      if (token.name === "endArray") this.outer.pop();
      else this.start(token, this.next++);
      return;
    }
    if (this.top) {
      const asm = this.top.asm;
      if (token.name === "startArray" && asm.depth === 1 && asm.pendingTopKey !== null && this.options.recordsKeys.includes(asm.pendingTopKey)) {
        asm.dropPendingTopKey();
        this.top.wrapper = true;
        this.outer.push("records");
        return;
      }
      return this.feed(this.top, token);
    }
    if (token.name === "startArray") this.outer.push("array");
    else this.start(token, token.name === "startObject" ? null : this.next++);
  }

  /** Invalid UTF-8 arrived: the record being read (or the next one) cannot be trusted. */
  taint(): void {
    const open = this.record ?? (this.outer.length ? null : this.top);
    if (open) open.asm.tainted = true;
    else this.taintNext = true;
  }

  /** Where an error now sits: the record being read, or the next one. */
  location(): RecordLocation {
    const index = this.record?.index ?? (this.top && !this.outer.length ? this.top.index : null) ?? this.next;
    return { file: this.options.file, line: this.line, index };
  }

  get midRecord(): boolean {
    return Boolean(this.record || this.top || this.outer.length);
  }

  // A top-level object gets its index when it ends: only then is it known to be a record rather
  // than a wrapper around the records array.
  private start(token: Token, index: number | null): void {
    const open: Open = { asm: new ValueAssembler(this.options.maxRecordBytes), line: this.line, index, wrapper: false };
    open.asm.tainted = this.taintNext;
    this.taintNext = false;
    if (index === null) this.top = open;
    else this.record = open;
    this.feed(open, token);
  }

  private feed(open: Open, token: Token): void {
    open.asm.feed(token);
    if (!open.asm.done) return;
    if (open === this.record) this.record = null;
    else this.top = null;
    if (open.wrapper) return;
    const location = { file: this.options.file, line: open.line, index: open.index ?? this.next++ };
    if (open.asm.tainted) this.out.push({ kind: "unreadable", reason: "record is not valid UTF-8", location });
    else if (open.asm.oversize) this.out.push({ kind: "unreadable", reason: `record is larger than ${mebibytes(this.options.maxRecordBytes)}; not read`, location });
    else this.out.push({ kind: "record", value: open.asm.value, location });
  }
}

function mebibytes(bytes: number): string {
  return bytes % 1_048_576 === 0 ? `${bytes / 1_048_576} MiB` : `${bytes} bytes`;
}

function* slices(text: string): Iterable<string> {
  for (let at = 0; at < text.length; ) {
    const newline = text.indexOf("\n", at);
    const end = Math.min(newline === -1 ? text.length : newline + 1, at + SLICE_CHARS);
    yield text.slice(at, end);
    at = end;
  }
}

export async function* readJsonDocument(pieces: AsyncIterable<TextPiece>, options: DocumentOptions): AsyncIterable<JsonRecord> {
  const router = new DocumentRouter(options);
  const parse = jsonParser({ packValues: false, streamValues: true, jsonStreaming: true });
  const run = (input: string | typeof none) => {
    let out;
    try {
      out = parse(input as string); // `none` flushes: the typings only name the text input
    } catch (error) {
      throw new ParseFailure((error as Error).message);
    }
    if (out === none) return;
    for (const token of isMany(out) ? getManyValues(out) : [out as Token]) router.consume(token);
  };
  try {
    for await (const piece of pieces) {
      if (piece.kind === "invalid_utf8") {
        router.taint();
        run("\uFFFD");
        continue;
      }
      for (const slice of slices(piece.text)) {
        run(slice);
        yield* router.out.splice(0);
        if (slice.endsWith("\n")) router.line++;
      }
    }
  } catch (error) {
    yield* router.out.splice(0);
    const reason = error instanceof ParseFailure
      ? `not valid JSON from here on (${error.message.replace(/^Parser cannot parse input: /, "")}); the rest of the file cannot be read`
      : `the file is not readable past this point (${(error as Error).message})`;
    yield { kind: "unreadable", reason, location: router.location() };
    return;
  }
  try {
    run(none);
  } catch {
    yield* router.out.splice(0);
    yield { kind: "unreadable", reason: "the file ends in the middle of a record", location: router.location() };
    return;
  }
  yield* router.out.splice(0);
  if (router.midRecord) yield { kind: "unreadable", reason: "the file ends in the middle of a record", location: router.location() };
}
