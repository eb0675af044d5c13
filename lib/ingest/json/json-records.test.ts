import { isUtf8 } from "node:buffer";
import { gzipSync } from "node:zlib";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeUtf8, type TextPiece } from "@/lib/ingest/json/byte-stream";
import { gunzipIfNeeded } from "@/lib/ingest/gunzip";
import { readJsonDocument } from "@/lib/ingest/json/json-document";
import { chooseShape, readJsonRecords, type JsonRecord } from "@/lib/ingest/json/json-records";
import { chunked, streamOf } from "@/lib/ingest/testing";

async function pieces(chunks: Uint8Array[]): Promise<TextPiece[]> {
  const out: TextPiece[] = [];
  for await (const piece of decodeUtf8(streamOf(chunks))) out.push(piece);
  return out;
}

async function records(text: string, ...recordsKeys: string[]): Promise<JsonRecord[]> {
  const out: JsonRecord[] = [];
  for await (const record of readJsonRecords({ stream: streamOf([text]), file: "f", recordsKeys })) out.push(record);
  return out;
}

describe("chooseShape", () => {
  it("reads lines unless the content opens one JSON document", () => {
    expect(chooseShape('{"a":1}\n{"a":2}\n', false)).toBe("lines");
    expect(chooseShape('{"a":1', true)).toBe("lines"); // one truncated line
    expect(chooseShape("garbage\n", false)).toBe("lines");
    expect(chooseShape("", true)).toBe("lines");
    expect(chooseShape('  \n[\n  {"a": 1}', false)).toBe("document");
    expect(chooseShape('{\n  "records": [', false, ["records"])).toBe("document");
    expect(chooseShape('\uFEFF{ "records": [\n', false, ["records"])).toBe("document");
    expect(chooseShape('{"records": [{"time": "…', false, ["records"])).toBe("document"); // longer than the peek
    expect(chooseShape('{"time": "…', false, ["records"])).toBe("lines");
  });
});

describe("readJsonRecords", () => {
  it("streams several concatenated documents and the members of a wrapper, skipping its other keys", async () => {
    const text = '{\n "next": "x",\n "records": [{"a": 1}, {"a": 2}],\n "more": [1]\n}\n{\n "a": 3\n}\n';
    expect(await records(text, "records")).toEqual([
      { kind: "record", value: { a: 1 }, location: { file: "f", line: 3, index: 0 } },
      { kind: "record", value: { a: 2 }, location: { file: "f", line: 3, index: 1 } },
      { kind: "record", value: { a: 3 }, location: { file: "f", line: 6, index: 2 } },
    ]);
  });

  it("reads every records array of a wrapper, whichever key comes first (lookup-events may start with NextToken)", async () => {
    const text = '{"NextToken":"x","Events":[{"a":1}],"Records":[[2]]} [3, {"b":null}] {"c":"d"}';
    const out: JsonRecord[] = [];
    for await (const record of readJsonDocument(decodeUtf8(streamOf([text])), { file: "f", recordsKeys: ["Records", "Events"], maxRecordBytes: 1024 })) out.push(record);
    expect(out.map((r) => (r.kind === "record" ? [r.location.index, r.value] : r.kind))).toEqual([
      [0, { a: 1 }],
      [1, [2]],
      [2, 3],
      [3, { b: null }],
      [4, { c: "d" }],
    ]);
  });

  it('keeps "__proto__" as data, like JSON.parse', async () => {
    const [record] = await records('[{"__proto__": {"polluted": true}}]');
    expect(record?.kind === "record" && Object.getPrototypeOf(record.value)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("byte-stream", () => {
  it("detects gzip even when its magic arrives one byte at a time", async () => {
    const out: Uint8Array[] = [];
    for await (const chunk of gunzipIfNeeded(streamOf(chunked(gzipSync("hello\n"), 1)))) out.push(chunk);
    expect(Buffer.concat(out).toString()).toBe("hello\n");
  });

  it("reports a read error inside a gzip stream instead of waiting forever", async () => {
    const zipped = gzipSync("x".repeat(100_000));
    const failing = (async function* () {
      yield zipped.subarray(0, 100);
      throw new Error("disk read failed");
    })();
    const out: JsonRecord[] = [];
    for await (const record of readJsonRecords({ stream: failing, file: "f" })) out.push(record);
    expect(out).toEqual([{ kind: "unreadable", reason: "the file is not readable past this point (disk read failed)", location: { file: "f", line: 1 } }]);
  });

  it("decodes valid UTF-8 across any chunking and marks every invalid stretch", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.uint8Array({ maxLength: 200 }), fc.string({ unit: "binary", maxLength: 80 }).map((s) => new TextEncoder().encode(s))), fc.integer({ min: 1, max: 9 }), async (bytes, size) => {
        const out = await pieces(chunked(bytes, size));
        const text = out.map((p) => (p.kind === "text" ? p.text : "\uFFFD")).join("");
        const body = Buffer.from(bytes);
        const withoutBom = body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf ? body.subarray(3) : body;
        if (isUtf8(withoutBom)) {
          expect(out.every((p) => p.kind === "text")).toBe(true);
          expect(text).toBe(withoutBom.toString("utf8"));
        } else expect(out.some((p) => p.kind === "invalid_utf8")).toBe(true);
      }),
    );
  });
});
