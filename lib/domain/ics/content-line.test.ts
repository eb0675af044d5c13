import { describe, expect, it } from "vitest";
import { CRLF, escapeText, foldLine, formatDate, formatUtcDateTime } from "@/lib/domain/ics/content-line";

const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8", { fatal: true });
/** RFC 5545 §3.1 unfolding: a CRLF followed by one space or tab is removed. */
const unfold = (text: string) => text.replace(/\r\n[ \t]/g, "");

describe("foldLine", () => {
  it("leaves a line of 75 octets alone and folds one of 76", () => {
    expect(foldLine("X".repeat(75))).toBe("X".repeat(75));
    expect(foldLine("X".repeat(76))).toBe(`${"X".repeat(75)}${CRLF} X`);
  });

  it("folds a 300-character non-ASCII line at ≤ 75 octets, never inside a character, and unfolds to the original", () => {
    const name = "Zürich-日本-🔑-Ünïcødé-".repeat(20).slice(0, 300);
    expect([...name].length).toBeGreaterThanOrEqual(280);
    const line = `SUMMARY:Rotate ${name}`;
    const folded = foldLine(line);
    const physical = folded.split(CRLF);
    expect(physical.length).toBeGreaterThan(5);
    for (const [i, part] of physical.entries()) {
      const bytes = encoder.encode(part);
      expect(bytes.length).toBeLessThanOrEqual(75);
      if (i > 0) expect(part.startsWith(" ")).toBe(true);
      // Every physical line is valid UTF-8 on its own: no character was cut in two.
      expect(() => decoder.decode(bytes)).not.toThrow();
      expect(part).not.toMatch(/[\ud800-\udfff]/u); // no lone surrogate from a split emoji
    }
    expect(unfold(folded)).toBe(line);
  });

  it("uses the whole 75 octets when it can (a 4-octet emoji moves to the next line only when it must)", () => {
    const folded = foldLine(`${"a".repeat(73)}🔑b`).split(CRLF);
    expect(folded[0]).toBe("a".repeat(73));
    expect(folded[1]).toBe(" 🔑b");
  });
});

describe("escapeText", () => {
  it("escapes backslash, semicolon, comma and every kind of line break", () => {
    expect(escapeText("a\\b;c,d")).toBe("a\\\\b\\;c\\,d");
    expect(escapeText("one\ntwo\r\nthree\rfour")).toBe("one\\ntwo\\nthree\\nfour");
    expect(escapeText("C:\\path;x,y\n")).toBe("C:\\\\path\\;x\\,y\\n");
  });

  it("keeps colons and quotes (they need no escape in TEXT) and drops control characters", () => {
    expect(escapeText('key: "value"\ttab\u0007')).toBe('key: "value"\ttab');
  });
});

describe("dates", () => {
  it("writes UTC date-times and dates in the basic format", () => {
    const at = new Date("2026-03-05T09:07:03.456Z");
    expect(formatUtcDateTime(at)).toBe("20260305T090703Z");
    expect(formatDate(at)).toBe("20260305");
  });
});
