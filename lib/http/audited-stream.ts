// A streamed response body whose outcome is known only at its end: `onEnd` hears whether the last
// byte went out, the stream broke, or the client went away — before the client sees the end. A
// broken stream is errored, so the server resets the connection instead of ending the chunked
// body: the client can tell a short file from a whole one. It is errored with a plain message
// naming the request id; the real error goes to `onEnd` (logged redacted), never to Next.
import "server-only";
import { recordKeyledgerEvent, type KeyledgerEvent } from "@/lib/data/access-events/record-keyledger-event";
import { log } from "@/lib/log";

export type StreamOutcome = { ok: true; bytes: number } | { ok: false; bytes: number; reason: "failed" | "cancelled"; error?: unknown };

export function auditedStream(body: ReadableStream<Uint8Array>, { requestId, onEnd }: { requestId: string; onEnd: (outcome: StreamOutcome) => Promise<void> }) {
  const reader = body.getReader();
  let bytes = 0;
  const broken = () => new Error(`The response broke off part-way (request id ${requestId})`);
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      let next: ReadableStreamReadResult<Uint8Array>;
      try {
        next = await reader.read();
      } catch (error) {
        await onEnd({ ok: false, bytes, reason: "failed", error }).catch(() => undefined);
        controller.error(broken());
        return;
      }
      if (!next.done) {
        bytes += next.value.byteLength;
        controller.enqueue(next.value);
        return;
      }
      try {
        // No audit, no clean end: an export whose success could not be recorded is not finished.
        await onEnd({ ok: true, bytes });
      } catch {
        controller.error(broken());
        return;
      }
      controller.close();
    },
    async cancel(reason) {
      await reader.cancel(reason).catch(() => undefined);
      await onEnd({ ok: false, bytes, reason: "cancelled" }).catch(() => undefined);
    },
  });
}

/**
 * The `onEnd` of an audited route: the event as success (with the bytes sent) or as failure
 * (`stream_failed`, `client_cancelled`); a break is logged — the logger keeps a failed query's
 * parameters out (lib/log-error.ts).
 */
export function recordStreamOutcome({ event, requestId, instance }: { event: KeyledgerEvent; requestId: string; instance: string }) {
  return async (outcome: StreamOutcome) => {
    if (!outcome.ok && outcome.reason === "failed") log.error("streamed response failed part-way", { requestId, instance, error: outcome.error });
    const detail = { ...event.detail, bytes: outcome.bytes };
    const failure = outcome.ok ? {} : { result: "failure" as const, errorCode: outcome.reason === "failed" ? "stream_failed" : "client_cancelled", rawId: `${requestId}:failure` };
    try {
      await recordKeyledgerEvent({ event: { ...event, result: "success", detail, ...failure } });
    } catch (error) {
      log.error("could not record the audit event of a streamed response", { requestId, instance, error });
      throw error;
    }
  };
}
