import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { MAX_DEPTH, parsePart } from "@/lib/http/parse-part";

const refusal = (promise: Promise<unknown>) => promise.then(() => null, (e: unknown) => (e instanceof AppError ? { status: e.status, fields: e.fields } : e));

describe("parsePart", () => {
  it("refuses a NUL character in any string or key, naming where it is, whatever the schema says", async () => {
    const loose = z.record(z.string(), z.unknown());
    expect(await refusal(parsePart(z.object({ q: z.string() }), { q: "a\u0000b" }, "query"))).toMatchObject({ status: 422, fields: [{ field: "query.q" }] });
    expect(await refusal(parsePart(loose, { config: { list: ["ok", "x\u0000"] } }, "body"))).toMatchObject({ status: 422, fields: [{ field: "body.config.list.1" }] });
    expect(await refusal(parsePart(loose, { "a\u0000": 1 }, "body"))).toMatchObject({ status: 422, fields: [{ field: "body.a\\u0000" }] });
  });

  it("refuses nesting deeper than MAX_DEPTH without recursing into it", async () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    expect(await refusal(parsePart(z.record(z.string(), z.unknown()), deep, "body"))).toMatchObject({ status: 422, fields: [{ message: `is nested more than ${MAX_DEPTH} levels deep` }] });
  });

  it("answers a path part that does not fit with 404, NUL or not", async () => {
    expect(await refusal(parsePart(z.object({ id: z.uuid() }), { id: "\u0000" }, "params"))).toMatchObject({ status: 404 });
  });

  it("passes what is fine", async () => {
    expect(await parsePart(z.object({ q: z.string() }), { q: "ünïcödé 🔑" }, "query")).toEqual({ q: "ünïcödé 🔑" });
  });
});
