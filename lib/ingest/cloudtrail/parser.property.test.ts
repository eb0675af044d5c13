// Random garbage, mutated real records, every input shape, random truncation and chunking thrown
// at the CloudTrail parser: it never throws, every record gets exactly one located outcome (a
// batch read: one event per secret), and no reason quotes a token from the input.
import { gzipSync } from "node:zlib";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseChunks, records } from "@/lib/ingest/cloudtrail/test-helpers";
import { chunkedAt, withField } from "@/lib/ingest/testing";
import type { ParseOutcome } from "@/lib/ingest/types";

const TOKEN = "hvs.CAESIJT2KM9n2KJqg_E267EHJSY0c4NWtTRnBsNWhzUDkQZQ";
const ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE";
const FIELDS = ["eventTime", "eventSource", "eventName", "eventID", "userIdentity", "userIdentity.type", "userIdentity.arn", "userIdentity.sessionContext", "sourceIPAddress", "userAgent", "errorCode", "requestParameters", "requestParameters.secretId", "requestParameters.secretIdList", "responseElements", "additionalEventData", "resources"];
const tokenish = fc.constantFrom(TOKEN, `x ${ACCESS_KEY} y`, `kms.${TOKEN}`, [TOKEN, ACCESS_KEY]);

const seed = fc.constantFrom(...records);
const mutated = fc
  .tuple(seed, fc.array(fc.tuple(fc.constantFrom(...FIELDS), fc.oneof(fc.constant(undefined), fc.jsonValue({ maxDepth: 2 }), tokenish)), { minLength: 1, maxLength: 3 }))
  .map(([record, edits]) => edits.reduce<unknown>((acc, [field, value]) => withField(acc, field.split("."), value, { create: false }), record));
const junk = fc.jsonValue({ maxDepth: 2 }).filter((value) => !Array.isArray(value));
const item = fc.oneof({ arbitrary: seed, weight: 2 }, { arbitrary: mutated, weight: 3 }, { arbitrary: junk, weight: 1 });

type Shape = "delivery" | "array" | "lookup" | "concat" | "lines";
function render(shape: Shape, items: unknown[]): string {
  switch (shape) {
    case "delivery":
      return JSON.stringify({ Records: items });
    case "array":
      return JSON.stringify(items, null, 1);
    case "lookup":
      return JSON.stringify({ Events: items.map((value, i) => ({ EventId: String(i), CloudTrailEvent: JSON.stringify(value) })) }, null, 4);
    case "concat":
      return items.map((value) => JSON.stringify(value, null, 2)).join("\n");
    case "lines":
      return items.map((value) => JSON.stringify(value)).join("\n");
  }
}

// A document's record is identified by its index (its line is where it starts, shared by records on one line).
const keyOf = (o: ParseOutcome) => (o.location.index !== undefined ? `-:${o.location.index}` : `${o.location.line ?? "-"}:-`);

/** Outcomes per record location; several only for the events of one batch read. */
function byRecord(out: ParseOutcome[]): Map<string, ParseOutcome[]> {
  const groups = new Map<string, ParseOutcome[]>();
  for (const outcome of out) {
    expect(outcome.location.file).toBe("trail.json");
    expect(outcome.location.line !== undefined || outcome.location.index !== undefined).toBe(true);
    if (outcome.kind !== "event") {
      for (const secret of [TOKEN, TOKEN.slice(4, 20), ACCESS_KEY]) expect(outcome.reason).not.toContain(secret);
    }
    groups.set(keyOf(outcome), [...(groups.get(keyOf(outcome)) ?? []), outcome]);
  }
  for (const group of groups.values()) {
    if (group.length > 1) expect(group.every((o) => o.kind === "event" && o.event.rawAction === "BatchGetSecretValue" && o.event.rawId.includes("#"))).toBe(true);
  }
  return groups;
}

const cuts = fc.array(fc.integer({ min: 1, max: 300 }), { maxLength: 30 });
const shape = fc.constantFrom<Shape>("delivery", "array", "lookup", "concat", "lines");

describe("cloudTrailParser properties", () => {
  it("gives every record of every shape exactly one located outcome", async () => {
    await fc.assert(
      fc.asyncProperty(shape, seed, fc.array(item, { maxLength: 12 }), cuts, fc.boolean(), async (kind, first, rest, sizes, zip) => {
        const items = [first, ...rest];
        const text = render(kind, items);
        const bytes = zip ? gzipSync(text) : new TextEncoder().encode(text);
        const groups = byRecord(await parseChunks(chunkedAt(bytes, sizes)));
        const expected = items.map((_, i) => (kind === "lines" ? `${i + 1}:-` : `-:${i}`));
        expect([...groups.keys()].sort()).toEqual(expected.sort());
      }),
      { numRuns: 150 },
    );
  });

  it("survives truncation and garbling anywhere, still locating every outcome", async () => {
    await fc.assert(
      fc.asyncProperty(shape, fc.array(item, { maxLength: 8 }), fc.nat(), fc.string(), fc.boolean(), cuts, async (kind, items, at, garbage, zip, sizes) => {
        const text = render(kind, items);
        const cut = at % (text.length + 1);
        const damaged = text.slice(0, cut) + garbage + (garbage.length % 2 ? text.slice(cut) : "");
        const bytes = zip ? gzipSync(damaged).subarray(0, Math.max(2, (at % 97) + damaged.length / 3)) : new TextEncoder().encode(damaged);
        byRecord(await parseChunks(chunkedAt(bytes, sizes)));
      }),
      { numRuns: 200 },
    );
  });

  it("survives arbitrary bytes", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 500 }), cuts, async (bytes, sizes) => {
        const out = await parseChunks(chunkedAt(bytes, sizes));
        byRecord(out);
      }),
      { numRuns: 150 },
    );
  });
});
