import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { deliveryFile, eventsOf, parse, parseChunks, quarantinedOf, records } from "@/lib/ingest/cloudtrail/test-helpers";

const [create, del] = records as [Record<string, unknown>, Record<string, unknown>];
const delivery = (...items: unknown[]) => JSON.stringify({ Records: items });

describe("cloudTrailParser quarantine in a JSON document (located by record index and the line it starts on)", () => {
  it("keeps the records before a truncation and quarantines the rest at the record being read", async () => {
    const text = delivery(create, del, create);
    const out = await parse(text.slice(0, text.length - 40));
    expect(eventsOf(out)).toHaveLength(2);
    expect(quarantinedOf(out)).toEqual([{ file: "trail.json", line: 1, index: 2, reason: "the file ends in the middle of a record" }]);
  });

  it("quarantines wrong types and missing fields record by record and goes on", async () => {
    const out = await parse(delivery({ ...create, eventTime: 1525106994 }, { ...create, eventID: undefined }, { ...create, eventTime: "yesterday" }, { ...create, userIdentity: "root" }, { eventName: "GetSecretValue" }, "GetSecretValue", del));
    expect(quarantinedOf(out)).toEqual([
      { file: "trail.json", line: 1, index: 0, reason: "eventTime: Invalid input: expected string, received number" },
      { file: "trail.json", line: 1, index: 1, reason: "eventID: Invalid input: expected string, received undefined" },
      { file: "trail.json", line: 1, index: 2, reason: "eventTime: not a date-time (ISO 8601, or a SIEM export's 2026-11-20 09:15:02.123456)" },
      { file: "trail.json", line: 1, index: 3, reason: "userIdentity: Invalid input: expected object, received string" },
      { file: "trail.json", line: 1, index: 4, reason: "eventSource: missing" },
      { file: "trail.json", line: 1, index: 5, reason: "not a JSON object" },
    ]);
    expect(eventsOf(out).map((e) => e.rawAction)).toEqual(["DeleteSecret"]);
  });

  it("quarantines a 10 MB record without keeping it, and reads the next one", async () => {
    const huge = { ...create, requestParameters: { name: "x".repeat(10 * 1024 * 1024) } };
    const out = await parse(delivery(create, huge, del));
    expect(quarantinedOf(out)).toEqual([{ file: "trail.json", line: 1, index: 1, reason: "record is larger than 1 MiB; not read" }]);
    expect(eventsOf(out).map((e) => e.rawAction)).toEqual(["CreateSecret", "DeleteSecret"]);
  });

  it("quarantines a Records member that is not an array as one record", async () => {
    expect(quarantinedOf(await parse('{"Records":{"eventName":"x"}}'))).toEqual([{ file: "trail.json", line: 1, index: 0, reason: "eventSource: missing" }]);
  });

  it("quarantines invalid JSON, invalid UTF-8 and an unreadable nested event", async () => {
    const invalid = await parse(`{"Records":[${Array(6).fill(JSON.stringify(create)).join(",")},{"eventName" "x"},${JSON.stringify(del)}]}`);
    const [damage] = quarantinedOf(invalid);
    expect(quarantinedOf(invalid)).toEqual([{ file: "trail.json", line: 1, index: eventsOf(invalid).length, reason: "not valid JSON from here on (expected ':'); the rest of the file cannot be read" }]);
    expect(damage?.index).toBeGreaterThanOrEqual(4);
    const bytes = Buffer.concat([Buffer.from(`{"Records":[${JSON.stringify(create)},{"eventName":"`), Buffer.from([0xff, 0xfe]), Buffer.from('"}]}')]);
    expect(quarantinedOf(await parse(bytes))).toEqual([{ file: "trail.json", line: 1, index: 1, reason: "record is not valid UTF-8" }]);
    expect(quarantinedOf(await parse(JSON.stringify({ Events: [{ EventId: "1", CloudTrailEvent: '{"eventName":' }] })))).toEqual([
      { file: "trail.json", line: 1, index: 0, reason: "CloudTrailEvent: truncated JSON (the text ends inside a value)" },
    ]);
  });

  it("ends a corrupt gzip with a located record after what it could read", async () => {
    const zipped = gzipSync(delivery(...Array.from({ length: 200 }, (_, i) => ({ ...create, eventID: `e-${i}`, eventTime: `2026-01-01T00:00:${String(i % 60).padStart(2, "0")}Z` }))));
    const out = await parseChunks([zipped.subarray(0, zipped.length - 200), Buffer.from("garbage after the cut")]);
    const [last] = quarantinedOf(out);
    expect(quarantinedOf(out)).toHaveLength(1);
    expect(last?.reason).toMatch(/^the file is not readable past this point/);
    expect(last?.index).toBe(eventsOf(out).length);
  });
});

describe("cloudTrailParser quarantine in JSON lines (located by line)", () => {
  const line = (value: unknown) => JSON.stringify(value);

  it("locates truncated JSON, wrong types, missing fields, a 10 MB line and invalid UTF-8", async () => {
    const out = await parseChunks([
      `${line(create).slice(0, 80)}\n`,
      `${line({ ...create, eventName: 7 })}\n`,
      `${line({ ...create, eventSource: undefined })}\n`,
      `${line(create).slice(0, 20)}${"x".repeat(10 * 1024 * 1024)}\n`,
      Buffer.from([0x7b, 0xff, 0x7d, 0x0a]),
      `${line(del)}\n`,
    ]);
    expect(quarantinedOf(out)).toEqual([
      { file: "trail.json", line: 1, reason: "truncated JSON (the text ends inside a value)" },
      { file: "trail.json", line: 2, reason: "eventName: Invalid input: expected string, received number" },
      { file: "trail.json", line: 3, reason: "eventSource: missing" },
      { file: "trail.json", line: 4, reason: "line is longer than 1048576 bytes (10485780 bytes)" },
      { file: "trail.json", line: 5, reason: "line is not valid UTF-8" },
    ]);
    expect(eventsOf(out).map((e) => e.rawAction)).toEqual(["DeleteSecret"]);
  });

  it("ends a corrupt gzip of JSON lines with a located record", async () => {
    const zipped = gzipSync(records.map(line).join("\n"));
    const out = await parseChunks([zipped.subarray(0, zipped.length / 2)]);
    const last = out.at(-1);
    expect(last?.kind).toBe("quarantined");
    expect(last?.kind === "quarantined" && last.reason).toMatch(/^the file is not readable past this point/);
    expect(last?.location.line).toBeGreaterThan(0);
  });

  it("quarantines a file that is not gzip past its magic bytes", async () => {
    const out = await parse(Buffer.from([0x1f, 0x8b, 0x00, 0x01, 0x02]));
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ kind: "quarantined", location: { file: "trail.json", line: 1 } });
  });

  it("accepts the delivery file itself as a sanity check", async () => {
    expect(quarantinedOf(await parse(deliveryFile))).toEqual([]);
  });
});
