// Bytes → text for the streaming JSON readers: gzip detected by magic bytes (lib/ingest/gunzip.ts),
// then UTF-8 decoded piece by piece, with invalid bytes reported where they are instead of being
// silently replaced. Shared by the JSON audit-log parsers.
import { isUtf8 } from "node:buffer";

export type TextPiece = { kind: "text"; text: string } | { kind: "invalid_utf8" };

/** Length of a UTF-8 sequence from its lead byte, or 0 when the byte cannot lead one. */
function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** Whether `byte` may follow `lead` as the first continuation byte (excludes overlongs and surrogates). */
function validSecond(lead: number, byte: number): boolean {
  if (lead === 0xe0) return byte >= 0xa0 && byte <= 0xbf;
  if (lead === 0xed) return byte >= 0x80 && byte <= 0x9f;
  if (lead === 0xf0) return byte >= 0x90 && byte <= 0xbf;
  if (lead === 0xf4) return byte >= 0x80 && byte <= 0x8f;
  return byte >= 0x80 && byte <= 0xbf;
}

/**
 * Checks the sequence starting at `at`: "ok" with its length, "invalid" (skip one byte), or
 * "incomplete" when the bytes so far are a valid prefix cut by the end of the buffer.
 */
function checkSequence(bytes: Uint8Array, at: number): { state: "ok" | "invalid" | "incomplete"; length: number } {
  const lead = bytes[at]!;
  const length = sequenceLength(lead);
  if (length === 0) return { state: "invalid", length: 1 };
  for (let i = 1; i < length; i++) {
    if (at + i >= bytes.length) return { state: "incomplete", length: i };
    const byte = bytes[at + i]!;
    const fits = i === 1 ? validSecond(lead, byte) : byte >= 0x80 && byte <= 0xbf;
    if (!fits) return { state: "invalid", length: 1 };
  }
  return { state: "ok", length };
}

/** Start of a trailing sequence that is still incomplete (to carry into the next chunk), or bytes.length. */
function incompleteTail(bytes: Uint8Array): number {
  for (let back = 1; back <= 3 && back <= bytes.length; back++) {
    const at = bytes.length - back;
    const byte = bytes[at]!;
    if (byte < 0x80) return bytes.length;
    if (byte >= 0xc0) return checkSequence(bytes, at).state === "incomplete" ? at : bytes.length;
  }
  return bytes.length;
}

function* splitInvalid(bytes: Buffer): Iterable<TextPiece> {
  let start = 0;
  let at = 0;
  while (at < bytes.length) {
    if (bytes[at]! < 0x80) {
      at++;
      continue;
    }
    const { state, length } = checkSequence(bytes, at);
    if (state === "ok") {
      at += length;
      continue;
    }
    if (at > start) yield { kind: "text", text: bytes.toString("utf8", start, at) };
    yield { kind: "invalid_utf8" };
    at += 1;
    start = at;
  }
  if (at > start) yield { kind: "text", text: bytes.toString("utf8", start, at) };
}

const BOM = [0xef, 0xbb, 0xbf];
const startsWithBom = (bytes: Uint8Array) => BOM.every((b, i) => bytes[i] === b);
const couldStartBom = (bytes: Uint8Array) => bytes.length < BOM.length && bytes.every((b, i) => b === BOM[i]);

/** Decodes a byte stream as UTF-8; a leading byte-order mark is dropped, invalid bytes become markers. */
export async function* decodeUtf8(stream: AsyncIterable<Uint8Array>): AsyncIterable<TextPiece> {
  let carry: Buffer = Buffer.alloc(0);
  let first = true;
  for await (const chunk of stream) {
    let bytes = carry.length ? Buffer.concat([carry, chunk]) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (first && couldStartBom(bytes)) {
      carry = Buffer.from(bytes);
      continue;
    }
    if (first) {
      first = false;
      if (startsWithBom(bytes)) bytes = bytes.subarray(BOM.length);
    }
    const end = incompleteTail(bytes);
    carry = Buffer.from(bytes.subarray(end));
    const body = bytes.subarray(0, end);
    if (!body.length) continue;
    if (isUtf8(body)) yield { kind: "text", text: body.toString("utf8") };
    else yield* splitInvalid(body);
  }
  // Whatever is left is a sequence the file never finished (or a cut byte-order mark).
  if (carry.length) yield { kind: "invalid_utf8" };
}
