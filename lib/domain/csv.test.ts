import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvCell, csvRow, guardCell, unguardCell } from "@/lib/domain/csv";

describe("csv", () => {
  it("quotes commas, quotes and newlines", () => {
    expect(csvCell('say "hi", then\nleave')).toBe('"say ""hi"", then\nleave"');
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell(null)).toBe("");
    expect(csvCell(3)).toBe("3");
  });

  it("defuses cells a spreadsheet would run as a formula", () => {
    expect(csvCell("=HYPERLINK(\"http://x\")")).toBe("\"'=HYPERLINK(\"\"http://x\"\")\"");
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\tx")).toBe("'\tx");
  });

  it("quotes a ; or tab that would start a formula in a spreadsheet splitting on it", () => {
    expect(csvCell("rotate;=HYPERLINK(\"http://x\")")).toBe('"rotate;=HYPERLINK(""http://x"")"');
    expect(csvCell("a\t+1")).toBe('"a\t+1"');
    expect(csvCell("api; worker")).toBe("api; worker");
  });

  it("guards a cell already starting with ' before a formula once more, so reading it back is exact", () => {
    expect(guardCell("'=cmd")).toBe("''=cmd");
    expect(csvCell("'=cmd")).toBe("''=cmd");
    expect(guardCell("'plain")).toBe("'plain");
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("'", "=", "+", "-", "@", "\t", "\r", "a", " ", ";") }), (text) => {
        expect(unguardCell(guardCell(text))).toBe(text);
        expect(guardCell(text)).not.toMatch(/^[=+\-@\t\r]/);
      }),
      { numRuns: 2000 },
    );
  });

  it("ends rows with CRLF, or LF when asked", () => {
    expect(csvRow(["a", "b"])).toBe("a,b\r\n");
    expect(csvRow(["a", "b"], "\n")).toBe("a,b\n");
  });
});
