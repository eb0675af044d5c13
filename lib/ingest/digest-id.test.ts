import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { digestId } from "@/lib/ingest/digest-id";

describe("digestId", () => {
  it("hashes an array of plain values as JSON.stringify writes it, so ids stored before stay", () => {
    const parts = ["2026-11-20T09:15:02.1234567Z", "kv", undefined, null, 200];
    const before = createHash("sha256").update(JSON.stringify(parts.map((p) => (p === undefined ? null : p)))).digest("hex").slice(0, 40);
    expect(digestId("kv", parts)).toBe(`kv:${before}`);
  });

  it("gives a record the same id whatever the order of its fields, and another record another id", () => {
    const a = { insertId: undefined, protoPayload: { methodName: "m", requestMetadata: { callerIp: "192.0.2.1", requestAttributes: { time: "t" } } }, severity: "INFO" };
    const b = { severity: "INFO", protoPayload: { requestMetadata: { requestAttributes: { time: "t" }, callerIp: "192.0.2.1" }, methodName: "m" } };
    expect(digestId("gcp", a)).toBe(digestId("gcp", b));
    expect(digestId("gcp", a)).not.toBe(digestId("gcp", { ...b, severity: "NOTICE" }));
    expect(digestId("gcp", [1, [2]])).not.toBe(digestId("gcp", [[1], 2]));
  });
});
