import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { readLines, type Line } from "@/lib/ingest/read-lines";
import { streamOf } from "@/lib/ingest/testing";

async function lines(chunks: (string | Uint8Array)[], maxLineBytes?: number): Promise<Line[]> {
  const out: Line[] = [];
  for await (const line of readLines(streamOf(chunks), { maxLineBytes })) out.push(line);
  return out;
}

describe("readLines", () => {
  it("numbers lines across chunk boundaries and strips CR", async () => {
    expect(await lines(["a\r\nb", "b\nc"])).toEqual([
      { kind: "line", number: 1, text: "a" },
      { kind: "line", number: 2, text: "bb" },
      { kind: "line", number: 3, text: "c" },
    ]);
  });

  it("reads gzip by its magic bytes, whatever the name", async () => {
    expect(await lines([gzipSync("x\ny\n")])).toEqual([
      { kind: "line", number: 1, text: "x" },
      { kind: "line", number: 2, text: "y" },
    ]);
  });

  it("reports a line over the limit without keeping it, and goes on", async () => {
    const out = await lines(["short\n", "x".repeat(50), "y".repeat(50), "\nafter\n"], 64);
    expect(out).toEqual([
      { kind: "line", number: 1, text: "short" },
      { kind: "too_long", number: 2, bytes: 100 },
      { kind: "line", number: 3, text: "after" },
    ]);
  });

  it("reports invalid UTF-8 per line", async () => {
    expect(await lines([new Uint8Array([0x61, 0x0a, 0xff, 0xfe, 0x0a, 0x62])])).toEqual([
      { kind: "line", number: 1, text: "a" },
      { kind: "invalid_utf8", number: 2 },
      { kind: "line", number: 3, text: "b" },
    ]);
  });

  it("ends a corrupt gzip with a located record instead of throwing", async () => {
    const zipped = gzipSync("one\ntwo\n".repeat(1000));
    const out = await lines([zipped.subarray(0, 40), Buffer.from("garbage garbage")]);
    expect(out.at(-1)).toMatchObject({ kind: "corrupt" });
  });
});
