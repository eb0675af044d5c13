import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "@/lib/domain/cursor";
import { AppError } from "@/lib/errors";

describe("keyset cursor", () => {
  it("round-trips the last row's sort key and id", () => {
    const cursor = { key: "prod/payments/stripe-secret-key", id: "0b8f3a52-0a5e-4f8e-9d43-4f8a7e3f5a10" };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
  });

  it("refuses a tampered cursor with a located error", () => {
    for (const bad of ["not-base64!", Buffer.from("[1,2]").toString("base64url"), Buffer.from('["a","not-a-uuid"]').toString("base64url")]) {
      try {
        decodeCursor(bad);
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(AppError);
        expect((error as AppError).fields[0]?.field).toBe("query.cursor");
      }
    }
  });

  it("refuses a well-formed cursor whose key or id the query could not cast", () => {
    const uuid = "0b8f3a52-0a5e-4f8e-9d43-4f8a7e3f5a10";
    const bad: [string, Parameters<typeof decodeCursor>[1], Parameters<typeof decodeCursor>[2]][] = [
      [encodeCursor({ key: "abc", id: uuid }), "uuid", "int"],
      [encodeCursor({ key: "2026-02-30 10:00:00+00", id: uuid }), "uuid", "timestamptz"],
      [encodeCursor({ key: "0000-01-01T00:00:00.000Z", id: "1" }), "bigint", "timestamptz"],
      [encodeCursor({ key: "9999-12-31T00:00:00.000Z", id: "1" }), "bigint", "timestamptz"],
      [encodeCursor({ key: "a\u0000", id: uuid }), "uuid", "text"],
      [encodeCursor({ key: "a", id: "------------------------------------" }), "uuid", "text"],
      [encodeCursor({ key: "a", id: "99999999999999999999" }), "bigint", "text"],
    ];
    for (const [text, id, key] of bad) expect(() => decodeCursor(text, id, key)).toThrow(AppError);
  });

  it("accepts the keys the queries write: ISO instants, Postgres timestamptz text, -infinity, ints", () => {
    const uuid = "0b8f3a52-0a5e-4f8e-9d43-4f8a7e3f5a10";
    for (const key of ["2026-11-02T09:15:02.123Z", "2026-11-02 09:15:02.123456+00", "2026-11-02 09:15:02+05:30", "-infinity"]) {
      expect(decodeCursor(encodeCursor({ key, id: uuid }), "uuid", "timestamptz")).toEqual({ key, id: uuid });
    }
    expect(decodeCursor(encodeCursor({ key: "-5", id: "42" }), "bigint", "int")).toEqual({ key: "-5", id: "42" });
  });
});
