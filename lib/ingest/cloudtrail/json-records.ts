// The records of a JSON document, streamed with stream-json's tokenizer so a file larger than
// memory works: only one record at a time is assembled, and a record past `maxRecordChars` is
// reported instead of kept. The records are the elements of a top-level array, of a wrapper's
// "Records" / "Events" array ({"Records":[…]}, lookup-events output), or the top-level values
// themselves (concatenated events). `index` counts records from 0 across the file, which for a
// single delivery file is the position in its Records array.
import { getManyValues, isMany, none } from "stream-chain/defs.js";
import { jsonParser, type Token } from "stream-json/parser.js";
import { redact } from "@/lib/log";
import { completeLength, decodeUtf8 } from "@/lib/ingest/cloudtrail/utf8-text";
import { ValueBuilder } from "@/lib/ingest/cloudtrail/value-builder";

export const MAX_RECORD_CHARS = 1_048_576;
const WRAPPER_KEYS = new Set(["Records", "Events"]);
/** A top-level object starting with one of these is a wrapper, not an event (lookup-events may start with NextToken). */
const WRAPPER_FIRST_KEYS = new Set([...WRAPPER_KEYS, "NextToken"]);
/**
 * The tokenizer is fed small pieces: when it meets invalid JSON it throws away the tokens of the
 * piece it was given, so a small piece keeps the good records read just before the damage.
 */
const PIECE_CHARS = 1024;

export type DocumentItem =
  | { kind: "record"; index: number; value: unknown }
  | { kind: "too_large"; index: number; chars: number }
  | { kind: "invalid"; index: number; reason: string };

type Role = "record" | "top" | "ignore" | "not_array";

class RecordSplitter {
  index = 0;
  private readonly frames: ("records" | "wrapper")[] = [];
  private builder: ValueBuilder | null = null;
  private role: Role = "record";
  private key: string | null = null;
  private keyText = "";

  constructor(private readonly maxChars: number) {}

  /** True while a record is half read: the document must not end here. */
  get inside(): boolean {
    return this.builder !== null || this.frames.length > 0;
  }

  /** Takes one token; returns the record it completes, if any (a token ends at most one record). */
  push(token: Token): DocumentItem | null {
    if (this.builder) return this.feedBuilder(token);
    const frame = this.frames.at(-1);
    if (frame === "wrapper") return this.wrapperToken(token);
    if (frame === "records" && token.name === "endArray") {
      this.frames.pop();
      return null;
    }
    if (!frame && token.name === "startArray") {
      this.frames.push("records");
      return null;
    }
    return this.start(!frame && token.name === "startObject" ? "top" : "record", token);
  }

  private start(role: Role, token: Token): DocumentItem | null {
    this.role = role;
    this.builder = new ValueBuilder(this.maxChars, role === "record" || role === "top");
    return this.feedBuilder(token);
  }

  private feedBuilder(token: Token): DocumentItem | null {
    const builder = this.builder as ValueBuilder;
    builder.push(token);
    if (this.role === "top" && builder.firstKey !== undefined) {
      this.role = "record";
      if (WRAPPER_FIRST_KEYS.has(builder.firstKey) && !builder.tooLarge) {
        this.builder = null;
        this.frames.push("wrapper");
        this.key = builder.firstKey;
        return null;
      }
    }
    if (!builder.done) return null;
    this.builder = null;
    if (this.role === "ignore") return null;
    const index = this.index++;
    if (this.role === "not_array") return { kind: "invalid", index, reason: `${this.key} is not an array` };
    if (builder.tooLarge) return { kind: "too_large", index, chars: builder.chars };
    return { kind: "record", index, value: builder.value };
  }

  /** Tokens directly inside a wrapper object: its keys, and the values they name. */
  private wrapperToken(token: Token): DocumentItem | null {
    switch (token.name) {
      case "startKey":
        this.keyText = "";
        return null;
      case "stringChunk":
        if (this.keyText.length < 64) this.keyText += token.value;
        return null;
      case "endKey":
        this.key = this.keyText;
        return null;
      case "endObject":
        this.frames.pop();
        return null;
      default:
        if (this.key !== null && WRAPPER_KEYS.has(this.key) && token.name === "startArray") {
          this.frames.push("records");
          return null;
        }
        return this.start(this.key !== null && WRAPPER_KEYS.has(this.key) ? "not_array" : "ignore", token);
    }
  }
}

function tokensOf(result: unknown): Token[] {
  if (result === none) return [];
  return isMany(result) ? (getManyValues(result) as Token[]) : [result as Token];
}

/**
 * Never throws on bad input: invalid UTF-8, invalid JSON, a truncated document or an unreadable
 * gzip end the iteration with one `invalid` item at the index of the record being read.
 */
export async function* readJsonRecords(bytes: AsyncIterable<Uint8Array>, maxRecordChars = MAX_RECORD_CHARS): AsyncGenerator<DocumentItem> {
  const splitter = new RecordSplitter(maxRecordChars);
  // Typed for text only; at run time it also takes `none`, which ends the input.
  const tokenize = jsonParser({ packValues: false, streamValues: true, jsonStreaming: true }) as unknown as (text: string | typeof none) => unknown;
  const fail = (reason: string): DocumentItem => ({ kind: "invalid", index: splitter.index, reason: redact(reason).slice(0, 200) });
  const take = (tokens: Token[], into: DocumentItem[]) => {
    for (const token of tokens) {
      const item = splitter.push(token);
      if (item) into.push(item);
    }
  };
  // Each piece's records are handed out before the next piece is tokenized: an error then costs only that piece.
  const feed = function* (text: string): Generator<DocumentItem> {
    for (let start = 0; start < text.length; start += PIECE_CHARS) {
      const done: DocumentItem[] = [];
      take(tokensOf(tokenize(text.slice(start, start + PIECE_CHARS))), done);
      yield* done;
    }
  };
  const flush = function* (): Generator<DocumentItem> {
    const done: DocumentItem[] = [];
    take(tokensOf(tokenize(none)), done);
    yield* done;
  };
  const iterator = bytes[Symbol.asyncIterator]();
  let carry: Uint8Array = new Uint8Array(0);
  let first = true;
  for (;;) {
    let next: IteratorResult<Uint8Array>;
    try {
      next = await iterator.next();
    } catch (error) {
      yield fail(`the file is not readable past this point (${(error as Error).message})`);
      return;
    }
    const chunk = next.done ? carry : carry.length ? Buffer.concat([carry, next.value]) : next.value;
    const end = next.done ? chunk.length : completeLength(chunk);
    carry = chunk.subarray(end);
    const decoded = decodeUtf8(chunk.subarray(0, end));
    const text: string = first ? decoded.text.replace(/^\uFEFF/, "") : decoded.text;
    first = first && !text;
    try {
      yield* feed(text);
      if (!decoded.valid) {
        yield fail("not valid UTF-8");
        return;
      }
      if (next.done) yield* flush();
    } catch (error) {
      const message = (error as Error).message.replace(/^Parser (cannot parse input: |has )/, "");
      yield fail(next.done ? `the document ends inside this record (truncated: ${message})` : `not valid JSON from this record on (${message})`);
      return;
    }
    if (next.done) break;
  }
  if (splitter.inside) yield fail("the document ends inside this record (truncated)");
}
