// The bytes of a plain or gzip file: gzip is recognised by its magic bytes (1f 8b), never by the
// file's name. A corrupt or truncated gzip makes the iteration throw where the damage starts;
// callers turn that into a located quarantine record.
import { pipeline, Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import { tooLarge, type BodyLimit } from "@/lib/byte-limit";
import { AppError } from "@/lib/errors";

export async function* gunzipIfNeeded(stream: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const iterator = stream[Symbol.asyncIterator]();
  let head: Uint8Array = new Uint8Array(0);
  let ended = false;
  while (head.length < 2 && !ended) {
    const next = await iterator.next();
    if (next.done) ended = true;
    else head = head.length ? Buffer.concat([head, next.value]) : next.value;
  }
  if (!head.length) return;
  const all = (async function* () {
    yield head;
    if (ended) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  })();
  if (head[0] === 0x1f && head[1] === 0x8b) {
    // pipeline() destroys the gunzip stream with the first error, which the loop below rethrows.
    yield* pipeline(Readable.from(all), createGunzip(), () => {});
  } else {
    yield* all;
  }
}

/**
 * An upload's bytes after gunzip, at most `limit` of them: a small gzip that expands past it (a
 * gzip bomb) ends with a 413 where it crosses the limit. A gzip inside the gzip is refused too —
 * the parser would unpack it again, past any limit.
 */
export async function* gunzipWithin(stream: AsyncIterable<Uint8Array>, limit: BodyLimit): AsyncGenerator<Uint8Array> {
  let seen = 0;
  let head: Uint8Array | null = new Uint8Array(0);
  for await (const chunk of gunzipIfNeeded(stream)) {
    seen += chunk.byteLength;
    if (seen > limit.maxBytes) throw tooLarge(limit);
    if (!head) {
      yield chunk;
      continue;
    }
    head = Buffer.concat([head, chunk]);
    if (head.length < 2) continue;
    if (head[0] === 0x1f && head[1] === 0x8b) {
      throw new AppError("invalid_input", "A gzip file inside a gzip file is not read", [{ field: "body", message: "gzip the audit log once" }]);
    }
    yield head;
    head = null;
  }
  if (head?.length) yield head;
}
