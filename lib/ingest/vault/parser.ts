// Vault / OpenBao file audit device → access events, streaming line by line. Vault writes a request
// entry and then a response entry per operation, both carrying request.id; they make ONE event.
// Every line gets exactly one outcome, so read = events + skipped + quarantined line for line:
//   response line              → the event (from its own copy of the request when the request is not seen)
//   request line, answered     → skipped ("request entry; …"), its response makes the event
//   request line, unanswered   → an event of its own at the end of the file, result failure with
//                                errorCode `no_response` (or the error the request entry carries)
// Requests waiting for their response are held in a bounded map; past `maxPending` the oldest is
// given up as unanswered, so memory stays flat on any file.
import { describeUnreadableLine, readLines } from "@/lib/ingest/read-lines";
import type { LogParser, NormalizedEvent, ParseOutcome, ParserInput, RecordLocation } from "@/lib/ingest/types";
import { readEntry } from "@/lib/ingest/vault/entry";
import { classifyRequest } from "@/lib/ingest/vault/map-path";
import { pairEvents, toEvent, unansweredEvent } from "@/lib/ingest/vault/to-event";

export const PAIRED_REQUEST = "request entry; its response makes the event";
const DEFAULT_MAX_PENDING = 10_000;

type Pending = { event: NormalizedEvent; location: RecordLocation };

export function createVaultParser({ maxPending = DEFAULT_MAX_PENDING }: { maxPending?: number } = {}): LogParser {
  async function* parse({ stream, file }: ParserInput): AsyncIterable<ParseOutcome> {
    const pending = new Map<string, Pending>();
    const giveUp = (id: string): ParseOutcome | null => {
      const waiting = pending.get(id);
      if (!waiting) return null;
      pending.delete(id);
      return { kind: "event", event: waiting.event, location: waiting.location };
    };

    for await (const line of readLines(stream)) {
      const location: RecordLocation = { file, line: line.number };
      if (line.kind !== "line") {
        yield { kind: "quarantined", reason: describeUnreadableLine(line), location };
        continue;
      }
      if (!line.text.trim()) {
        yield { kind: "skipped", reason: "blank line", location };
        continue;
      }
      const read = readEntry(line.text);
      if ("reason" in read) {
        yield { kind: "quarantined", reason: read.reason, location };
        continue;
      }
      const { entry } = read;
      // Old request entries may lack mount_type where their response has it.
      const target = classifyRequest({ ...entry.request, mount_type: entry.request.mount_type || entry.response?.mount_type });
      if (target.kind === "skip") {
        yield { kind: "skipped", reason: target.reason, location };
        continue;
      }
      const id = entry.request.id;
      if (entry.type === "request") {
        // A repeated request id (a log written twice) closes the earlier one first.
        const earlier = giveUp(id);
        if (earlier) yield earlier;
        pending.set(id, { event: unansweredEvent(entry, target), location });
        if (pending.size > maxPending) {
          const oldest = giveUp(pending.keys().next().value as string);
          if (oldest) yield oldest;
        }
        continue;
      }
      const response = toEvent(entry, target);
      const request = pending.get(id);
      if (request) {
        pending.delete(id);
        yield { kind: "skipped", reason: PAIRED_REQUEST, location: request.location };
        yield { kind: "event", event: pairEvents(request.event, response), location };
      } else {
        yield { kind: "event", event: response, location };
      }
    }
    for (const { event, location } of pending.values()) yield { kind: "event", event, location };
  }
  return { format: "vault", parse };
}

export const vaultParser: LogParser = createVaultParser();
