// Request bodies are read with a stated limit: a declared Content-Length past it is refused before a
// byte is read, and a body that streams past it is cut off there (docs/security.md). 413 either way.
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

/** The whole body as bytes, at most the limit. */
export async function readLimitedBytes(request: Request, limit: BodyLimit): Promise<Uint8Array<ArrayBuffer>> {
  assertDeclaredLength(request.headers, limit);
  if (!request.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of limitedChunks(request.body, limit)) {
    chunks.push(chunk);
    total += chunk.byteLength;
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/** The whole body as UTF-8 text, at most the limit. */
export async function readLimitedText(request: Request, limit: BodyLimit): Promise<string> {
  return new TextDecoder().decode(await readLimitedBytes(request, limit));
}

/**
 * A copy of the request whose body has been read within the limit, for code that insists on reading
 * the body itself (next-auth's handler, formData()).
 */
export async function withLimitedBody(request: Request, limit: BodyLimit): Promise<Request> {
  if (request.method === "GET" || request.method === "HEAD") return request;
  const bytes = await readLimitedBytes(request, limit);
  return new Request(request.url, { method: request.method, headers: request.headers, body: bytes.byteLength ? bytes : null });
}
