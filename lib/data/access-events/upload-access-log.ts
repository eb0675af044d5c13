import "server-only";
// An audit-log upload from a CI job or log shipper: streamed into ingest as it arrives (plain or
// gzip), never held in memory, refused with 413 past the size limit.
import { poolOf } from "@/db/client";
import { ingestRuns } from "@/db/schema-ingest";
import type { TokenPrincipal } from "@/lib/data/api-tokens/find-token-by-secret";
import { recordKeyledgerEvent } from "@/lib/data/access-events/record-keyledger-event";
import { getDb } from "@/lib/data/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { ingestStream, type IngestSummary } from "@/lib/ingest/ingest-files";
import type { LogFormat } from "@/lib/ingest/types";
import { eq } from "drizzle-orm";

class TooLarge extends Error {}

async function* limited(body: ReadableStream<Uint8Array>, max: number): AsyncIterable<Uint8Array> {
  let seen = 0;
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    seen += chunk.byteLength;
    if (seen > max) throw new TooLarge();
    yield chunk;
  }
}

export async function uploadAccessLog({ token, format, name, body, contentLength }: { token: TokenPrincipal; format: LogFormat; name: string; body: ReadableStream<Uint8Array> | null; contentLength: number | null }): Promise<IngestSummary> {
  const max = env().KEYLEDGER_INGEST_MAX_BYTES;
  const tooLarge = () => new AppError("payload_too_large", `The upload is larger than ${max} bytes (KEYLEDGER_INGEST_MAX_BYTES): split the log into smaller files`);
  if (contentLength !== null && contentLength > max) throw tooLarge();
  if (!body) throw new AppError("invalid_input", "Invalid body", [{ field: "body", message: "send the audit log as the request body" }]);
  const db = getDb();
  const [run] = await db.insert(ingestRuns).values({ format, trigger: `upload:${token.name}`, files: [name] }).returning({ id: ingestRuns.id });
  let summary: IngestSummary;
  try {
    summary = await ingestStream({ format, name, stream: limited(body, max), pool: poolOf(db), runId: run!.id });
  } catch (error) {
    // Batches committed before the limit was reached stay: they are valid, de-duplicated events.
    if (error instanceof TooLarge) throw tooLarge();
    throw error;
  }
  const { errors: _errors, ...counts } = summary;
  await db.update(ingestRuns).set({ ...counts, finishedAt: new Date() }).where(eq(ingestRuns.id, run!.id));
  await recordKeyledgerEvent({ event: { actor: `token:${token.name}`, action: "create", rawAction: "access_events.upload", authSource: "api-token", detail: { format, name, ...counts } } });
  return summary;
}
