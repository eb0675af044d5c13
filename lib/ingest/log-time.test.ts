import { describe, expect, it } from "vitest";
import { parseLogTime } from "@/lib/ingest/log-time";

describe("parseLogTime", () => {
  it("keeps each store's precision to the microsecond and truncates past it", () => {
    expect(parseLogTime("2026-11-20T09:15:02.1234567Z")).toBe("2026-11-20T09:15:02.123456Z"); // Azure, 100 ns
    expect(parseLogTime("2026-11-20T09:15:02.123456Z")).toBe("2026-11-20T09:15:02.123456Z"); // Vault, µs
    expect(parseLogTime("2026-11-20T09:15:02.999999999Z")).toBe("2026-11-20T09:15:02.999999Z"); // GCP, ns: never rounded up
    expect(parseLogTime("2026-11-20T09:15:02Z")).toBe("2026-11-20T09:15:02.000Z"); // CloudTrail, seconds
    expect(parseLogTime("2026-11-20T09:15:02.5Z")).toBe("2026-11-20T09:15:02.500Z");
    expect(parseLogTime("2026-11-20T09:15:02.123000Z")).toBe("2026-11-20T09:15:02.123Z");
  });

  it("reads what SIEM exports write: a space, no zone (UTC), up to nine fraction digits", () => {
    expect(parseLogTime("2026-11-20 09:15:02.123456789")).toBe("2026-11-20T09:15:02.123456Z");
    expect(parseLogTime("2026-11-20 09:15:02")).toBe("2026-11-20T09:15:02.000Z");
    expect(parseLogTime("2026-11-20 09:15:02.000001 UTC")).toBe("2026-11-20T09:15:02.000001Z");
    expect(parseLogTime("2026-11-20T09:15:02,25Z")).toBe("2026-11-20T09:15:02.250Z");
  });

  it("converts offsets to UTC without touching the fraction", () => {
    expect(parseLogTime("2026-11-20T10:15:02.1234567+01:00")).toBe("2026-11-20T09:15:02.123456Z");
    expect(parseLogTime("2026-01-01 00:30:00.000001-0130")).toBe("2026-01-01T02:00:00.000001Z");
    expect(parseLogTime("2027-01-01T00:15:00.5+01")).toBe("2026-12-31T23:15:00.500Z");
  });

  it("refuses what is not a time", () => {
    for (const text of ["", "yesterday", "2026-02-30T00:00:00Z", "2026-11-20T24:00:00Z", "2026-11-20T09:61:00Z", "2026-11-20T09:15:02+25:00", "2026-11-20", "1732094102", "2026-11-20T09:15:02.Z"]) {
      expect(parseLogTime(text), text).toBeNull();
    }
  });
});
