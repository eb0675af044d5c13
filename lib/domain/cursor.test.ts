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
});
