import { describe, expect, it } from "vitest";
import { copyField, copyRow } from "@/lib/ingest/copy-text";

describe("COPY text format", () => {
  it("escapes what COPY would misread and writes null as \\N", () => {
    expect(copyField("a\tb\nc\\d\re")).toBe("a\\tb\\nc\\\\d\\re");
    expect(copyField(null)).toBe("\\N");
    expect(copyField("\\N")).toBe("\\\\N");
    expect(copyRow(["x", null, "y"])).toBe("x\t\\N\ty\n");
  });
});
