import { describe, expect, it } from "vitest";
import { daysSince, formatTtl, label, relativeDays } from "@/lib/domain/format";

const now = new Date("2026-11-21T12:00:00Z");

describe("format", () => {
  it("counts whole days since a date and says unknown as null", () => {
    expect(daysSince("2026-11-11T12:00:00Z", now)).toBe(10);
    expect(daysSince(null, now)).toBeNull();
  });

  it("writes relative days the way people say them", () => {
    expect(relativeDays("2026-11-21T01:00:00Z", now)).toBe("11 h ago");
    expect(relativeDays("2026-11-21T11:35:00Z", now)).toBe("25 min ago");
    expect(relativeDays("2026-11-21T12:00:00Z", now)).toBe("just now");
    expect(relativeDays("2026-11-20T11:00:00Z", now)).toBe("yesterday");
    expect(relativeDays("2026-10-01T12:00:00Z", now)).toBe("51 days ago");
    expect(relativeDays("2025-11-21T12:00:00Z", now)).toBe("12 months ago");
    expect(relativeDays("2023-11-21T12:00:00Z", now)).toBe("3.0 years ago");
  });

  it("formats TTLs in the largest whole unit", () => {
    expect(formatTtl(3600)).toBe("1 h");
    expect(formatTtl(86_400 * 7)).toBe("7 d");
    expect(formatTtl(900)).toBe("15 min");
    expect(formatTtl(61)).toBe("61 s");
    expect(formatTtl(null)).toBeNull();
  });

  it("labels enum values and passes unknown words through", () => {
    expect(label("incident_commander")).toBe("Incident commander");
    expect(label("something-new")).toBe("something-new");
  });
});
