// Request bodies are read with a stated limit: a declared Content-Length past it is refused before a
// byte is read, and a body that streams past it is cut off there (docs/security.md). 413 either way.
import { assertDeclaredLength, limitedChunks, type BodyLimit } from "@/lib/byte-limit";

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
