import { describe, expect, it } from "vitest";
import type { LookupEventsResponse } from "@aws-sdk/client-cloudtrail";
import { eventsOf, parseChunks, quarantinedOf } from "@/lib/ingest/cloudtrail/test-helpers";
import { lookupEventsDocument, type DocumentState } from "@/lib/ingest/cloudtrail-pull/lookup-document";
import { packEvent, sampleCloudTrailEvents } from "@/test/wire/aws-cloudtrail";

// What the SDK hands back: the wire packing with EventTime as a Date.
const sdkPage = (records: ReturnType<typeof sampleCloudTrailEvents>): LookupEventsResponse => ({
  Events: records.map((r) => ({ ...packEvent(r), EventTime: new Date(packEvent(r).EventTime * 1000) })),
});

async function collect(pages: () => AsyncIterable<LookupEventsResponse>) {
  const state: DocumentState = { events: 0, pages: 0, newest: null, failure: null };
  const chunks: Uint8Array[] = [];
  for await (const chunk of lookupEventsDocument(pages(), state)) chunks.push(chunk);
  return { state, chunks, text: Buffer.concat(chunks).toString("utf8") };
}

describe("lookupEventsDocument", () => {
  const records = sampleCloudTrailEvents(5);

  it("writes one lookup-events document, a chunk per page, that the CloudTrail parser reads in full", async () => {
    const { state, chunks, text } = await collect(async function* () {
      yield sdkPage(records.slice(3).reverse());
      yield { Events: [] };
      yield sdkPage(records.slice(0, 3).reverse());
    });
    expect(chunks).toHaveLength(4); // opening, two non-empty pages, closing
    const document = JSON.parse(text) as { Events: { EventTime: number; CloudTrailEvent: string }[] };
    expect(document.Events).toHaveLength(5);
    expect(typeof document.Events[0]!.EventTime).toBe("number");
    expect(state).toMatchObject({ events: 5, pages: 3, failure: null, newest: new Date(records[4]!.eventTime) });

    const outcomes = await parseChunks(chunks, "cloudtrail-lookup-events:us-east-1");
    expect(quarantinedOf(outcomes)).toEqual([]);
    expect(eventsOf(outcomes).map((e) => e.rawId).sort()).toEqual(records.map((r) => r.eventID).sort());
  });

  it("ends the document cleanly when a page fails, and keeps the failure", async () => {
    const boom = Object.assign(new Error("Rate exceeded"), { name: "ThrottlingException" });
    const { state, text } = await collect(async function* () {
      yield sdkPage(records.slice(0, 2));
      throw boom;
    });
    expect(JSON.parse(text)).toMatchObject({ Events: [{}, {}] });
    expect(state.failure).toBe(boom);
    expect(state.events).toBe(2);
  });

  it("is an empty, valid document when nothing happened", async () => {
    const { text, state } = await collect(async function* () {
      yield { Events: [] };
    });
    expect(JSON.parse(text)).toEqual({ Events: [] });
    expect(state.newest).toBeNull();
  });
});
