// Which of the CloudTrail input shapes a file is, from its first bytes (never its name):
//   document — a JSON document streamed record by record: a delivery file {"Records":[…]}, the
//              output of `aws cloudtrail lookup-events` {"Events":[…]}, a JSON array of events, or
//              pretty-printed events one after another (what `jq '.Records[]'` prints);
//   lines    — one event per line (JSON lines), located by line number.
// A delivery file is a single line, so "one JSON object per line" is decided by the first key,
// not by whether the first line parses.
export type Shape = "document" | "lines";

const PEEK_BYTES = 64 * 1024;
const WRAPPER_FIRST_KEY = /^\{\s*"(Records|Events|NextToken)"\s*:/;
const ANY_FIRST_KEY = /^\{\s*"(?:[^"\\]|\\.)*"\s*:/;

export function shapeOf(prefix: string, complete: boolean): Shape | null {
  const text = prefix.replace(/^\uFEFF/, "").trimStart();
  if (!text) return complete ? "lines" : null;
  if (text.startsWith("[")) return "document";
  if (!text.startsWith("{")) return "lines";
  if (WRAPPER_FIRST_KEY.test(text)) return "document";
  if (/^\{[ \t\r]*\n/.test(text)) return "document";
  if (ANY_FIRST_KEY.test(text)) return "lines";
  return complete ? "lines" : null;
}

/**
 * Reads just enough of `bytes` to tell its shape, and gives back the whole stream again. An error
 * while peeking is not thrown here: the replay rethrows it where the bytes stop, so the reader
 * that consumes the replay reports it with its location.
 */
export async function detectShape(bytes: AsyncIterable<Uint8Array>): Promise<{ shape: Shape; replay: AsyncIterable<Uint8Array> }> {
  const iterator = bytes[Symbol.asyncIterator]();
  const peeked: Uint8Array[] = [];
  const decoder = new TextDecoder();
  let prefix = "";
  let size = 0;
  let failure: unknown = null;
  let ended = false;
  let shape: Shape | null = null;
  while (!shape) {
    try {
      const next = await iterator.next();
      if (next.done) ended = true;
      else {
        peeked.push(next.value);
        size += next.value.length;
        prefix += decoder.decode(next.value, { stream: true });
      }
    } catch (error) {
      failure = error;
      ended = true;
    }
    shape = shapeOf(prefix, ended || size >= PEEK_BYTES) ?? null;
  }
  const replay = (async function* () {
    yield* peeked;
    if (failure) throw failure;
    if (ended) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  })();
  return { shape, replay };
}
