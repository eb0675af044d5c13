import "server-only";
// An audit-log upload from a CI job or log shipper: streamed into ingest as it arrives (plain or
// gzip), never held in memory. Refused with 413 past KEYLEDGER_INGEST_MAX_BYTES as sent, or past
// KEYLEDGER_INGEST_MAX_DECOMPRESSED_BYTES after gunzip (docs/security.md). Batches committed before
// the limit was crossed stay — valid, de-duplicated events — and the run records what they held.
import { randomUUID } from "node:crypto";
import { poolOf } from "@/db/client";
import { assertDeclaredLength, limitedChunks, type BodyLimit } from "@/lib/byte-limit";
import type { TokenPrincipal } from "@/lib/data/api-tokens/find-token-by-secret";
import { recordKeyledgerEvent } from "@/lib/data/access-events/record-keyledger-event";
import { getDb } from "@/lib/data/db";
import { committedCounts, withIngestRun } from "@/lib/data/ingest/with-ingest-run";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { gunzipWithin } from "@/lib/ingest/gunzip";
import { ingestStream, type IngestSummary } from "@/lib/ingest/ingest-files";
import type { LogFormat } from "@/lib/ingest/types";

export type UploadContext = { sourceIp: string | null; userAgent: string | null };

/** A refusal raised inside the byte stream reaches ingest through `refusal` (parsers catch stream errors). */
async function* tripwire(stream: AsyncIterable<Uint8Array>, refusal: AbortController): AsyncIterable<Uint8Array> {
  try {
    yield* stream;
  } catch (error) {
    if (error instanceof AppError) refusal.abort(error);
    throw error;
  }
}

export async function uploadAccessLog({ token, format, name, body, headers, context }: { token: TokenPrincipal; format: LogFormat; name: string; body: ReadableStream<Uint8Array> | null; headers: Headers; context: UploadContext }): Promise<IngestSummary> {
  const sent: BodyLimit = { maxBytes: env().KEYLEDGER_INGEST_MAX_BYTES, setting: "KEYLEDGER_INGEST_MAX_BYTES" };
  const unpacked: BodyLimit = { maxBytes: env().KEYLEDGER_INGEST_MAX_DECOMPRESSED_BYTES, setting: "KEYLEDGER_INGEST_MAX_DECOMPRESSED_BYTES", what: "The upload after gunzip" };
  assertDeclaredLength(headers, sent);
  if (!body) throw new AppError("invalid_input", "Invalid body", [{ field: "body", message: "send the audit log as the request body" }]);
  const db = getDb();
  const key = `upload:${randomUUID()}`;
  const refusal = new AbortController();
  const event = { actor: `token:${token.name}`, action: "create" as const, rawAction: "access_events.upload", authSource: "api-token", ...context };
  try {
    const stream = tripwire(gunzipWithin(tripwire(limitedChunks(body, sent), refusal), unpacked), refusal);
    const summary = await withIngestRun({ db, format, trigger: `upload:${token.name}`, files: [name], checkpointKey: key }, (runId) =>
      ingestStream({ format, name, stream, pool: poolOf(db), runId, key, signal: refusal.signal }),
    );
    const { errors: _errors, ...counts } = summary;
    await recordKeyledgerEvent({ event: { ...event, detail: { format, name, ...counts } } });
    return summary;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    // What the committed batches held, as their checkpoint counted it: read = the rest, still.
    const counts = await committedCounts({ db, key });
    await recordKeyledgerEvent({ event: { ...event, result: "failure", errorCode: error.code, detail: { format, name, ...counts } } });
    throw error;
  }
}
