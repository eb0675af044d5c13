// UTF-8 bytes → text, chunk by chunk, stopping exactly at the first invalid byte so the text
// before it still counts. (A fatal TextDecoder rejects a whole chunk; this keeps its valid prefix.)
const strict = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const lenient = new TextDecoder("utf-8", { ignoreBOM: true });

/** How many bytes of `bytes` end on a character boundary (a split character waits for the next chunk). */
export function completeLength(bytes: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back] as number;
    if ((byte & 0xc0) === 0x80) continue;
    const size = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return size > back ? bytes.length - back : bytes.length;
  }
  return bytes.length;
}

/** The text of `bytes`, or of its longest valid prefix with `valid: false`. */
export function decodeUtf8(bytes: Uint8Array): { text: string; valid: boolean } {
  try {
    return { text: strict.decode(bytes), valid: true };
  } catch {
    // The lenient decoding re-encodes identically up to the first invalid byte.
    const again = new TextEncoder().encode(lenient.decode(bytes));
    let end = 0;
    while (end < bytes.length && bytes[end] === again[end]) end++;
    for (; end > 0; end--) {
      try {
        return { text: strict.decode(bytes.subarray(0, end)), valid: false };
      } catch {
        // a character cut in two: step back to its start
      }
    }
    return { text: "", valid: false };
  }
}
