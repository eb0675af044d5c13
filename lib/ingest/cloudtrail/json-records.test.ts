import { describe, expect, it } from "vitest";
import { shapeOf } from "@/lib/ingest/cloudtrail/detect-shape";
import { readJsonRecords, type DocumentItem } from "@/lib/ingest/cloudtrail/json-records";
import { completeLength, decodeUtf8 } from "@/lib/ingest/cloudtrail/utf8-text";

async function items(text: string, maxChars?: number): Promise<DocumentItem[]> {
  const bytes = (async function* () {
    yield new TextEncoder().encode(text);
  })();
  const out: DocumentItem[] = [];
  for await (const item of readJsonRecords(bytes, maxChars)) out.push(item);
  return out;
}

describe("shapeOf", () => {
  it("tells a document from JSON lines by the first key, never by whether the first line parses", () => {
    expect(shapeOf('{"Records":[', false)).toBe("document");
    expect(shapeOf('\uFEFF  {\n    "Events": [', false)).toBe("document");
    expect(shapeOf("[\n  {", false)).toBe("document");
    expect(shapeOf("{\n", false)).toBe("document");
    expect(shapeOf('{"eventVersion":"1.08",', false)).toBe("lines");
    expect(shapeOf("garbage", false)).toBe("lines");
    expect(shapeOf('{"Records"', false)).toBeNull();
    expect(shapeOf('{"Records"', true)).toBe("lines");
    expect(shapeOf("", true)).toBe("lines");
  });
});

describe("readJsonRecords", () => {
  it("reads the records of wrappers, arrays and bare values, with a running index", async () => {
    expect(await items('{"NextToken":"x","Events":[{"a":1}],"Records":[[2]]} [3, {"b":null}] {"c":"d"} 4')).toEqual([
      { kind: "record", index: 0, value: { a: 1 } },
      { kind: "record", index: 1, value: [2] },
      { kind: "record", index: 2, value: 3 },
      { kind: "record", index: 3, value: { b: null } },
      { kind: "record", index: 4, value: { c: "d" } },
      { kind: "record", index: 5, value: 4 },
    ]);
  });

  it("keeps a __proto__ key as data", async () => {
    const [item] = await items('[{"__proto__":{"polluted":true}}]');
    const value = item?.kind === "record" ? (item.value as Record<string, unknown>) : {};
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(["__proto__"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("reports a record over the budget and reads on", async () => {
    expect(await items(`[{"a":"${"x".repeat(100)}"},{"b":1}]`, 50)).toEqual([
      { kind: "too_large", index: 0, chars: expect.any(Number) },
      { kind: "record", index: 1, value: { b: 1 } },
    ]);
  });
});

describe("utf8 text", () => {
  it("waits for a character cut between chunks, and keeps the valid prefix of a bad chunk", () => {
    const euro = new TextEncoder().encode("a€");
    expect(completeLength(euro.subarray(0, 3))).toBe(1);
    expect(completeLength(euro)).toBe(4);
    expect(decodeUtf8(new Uint8Array([0x61, 0x62, 0xff, 0x63]))).toEqual({ text: "ab", valid: false });
    expect(decodeUtf8(new Uint8Array([0x61, 0xef, 0x41]))).toEqual({ text: "a", valid: false });
    expect(decodeUtf8(euro)).toEqual({ text: "a€", valid: true });
  });
});
