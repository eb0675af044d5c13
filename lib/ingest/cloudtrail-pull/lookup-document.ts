// LookupEvents pages → the bytes of one `aws cloudtrail lookup-events` document ({"Events":[…]}),
// produced page by page as the parser reads, so no more than one page is held at a time.
// A failing page ends the document cleanly and is kept in `state.failure`: the caller throws it
// after ingest, so what arrived before it is ingested and the cursor stays where it was.
import type { Event, LookupEventsResponse } from "@aws-sdk/client-cloudtrail";

export type DocumentState = { events: number; pages: number; newest: Date | null; failure: unknown };

const encoder = new TextEncoder();

/** An event as the CLI prints it: EventTime in epoch seconds, CloudTrailEvent left as its JSON string. */
export function packed(event: Event): Record<string, unknown> {
  const { EventTime, ...rest } = event;
  return { ...rest, ...(EventTime ? { EventTime: EventTime.getTime() / 1000 } : {}) };
}

export async function* lookupEventsDocument(pages: AsyncIterable<LookupEventsResponse>, state: DocumentState): AsyncGenerator<Uint8Array> {
  yield encoder.encode('{"Events":[');
  let first = true;
  try {
    for await (const page of pages) {
      state.pages++;
      const events = page.Events ?? [];
      for (const event of events) {
        if (event.EventTime && (!state.newest || event.EventTime > state.newest)) state.newest = event.EventTime;
      }
      state.events += events.length;
      if (!events.length) continue;
      yield encoder.encode(`${first ? "" : ","}${events.map((e) => JSON.stringify(packed(e))).join(",")}`);
      first = false;
    }
  } catch (error) {
    state.failure = error;
  }
  yield encoder.encode("]}");
}
