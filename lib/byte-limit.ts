// A stated limit on bytes read from outside — a request body as sent, an upload after gunzip: a
// declared length past it is refused before a byte is read, and a stream past it is cut off there
// (docs/security.md). 413 either way.
import { AppError } from "@/lib/errors";

/** `what` names what is counted in the message (default "The request body"). */
export type BodyLimit = { maxBytes: number; setting: string; what?: string };

export function tooLarge({ maxBytes, setting, what = "The request body" }: BodyLimit): AppError {
  return new AppError("payload_too_large", `${what} is larger than ${maxBytes} bytes (${setting})`, [
    { field: "body", message: `at most ${maxBytes} bytes` },
  ]);
}

/** Refuses a request whose Content-Length already says it is too large. */
export function assertDeclaredLength(headers: Headers, limit: BodyLimit): void {
  const declared = headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > limit.maxBytes) throw tooLarge(limit);
}

/** The body's chunks, ending with a 413 the moment more than the limit has arrived. */
export async function* limitedChunks(body: ReadableStream<Uint8Array>, limit: BodyLimit): AsyncIterable<Uint8Array> {
  let seen = 0;
  const reader = body.getReader();
  try {
    while (true) {
      const { done, value } = await reader.read();
      if (done) return;
      seen += value.byteLength;
      if (seen > limit.maxBytes) throw tooLarge(limit);
      yield value;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}
