// Random garbage, mutated real entries and truncated files thrown at the Vault parser: it never
// throws, gives every line exactly one located outcome, and never quotes a token from its input.
import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ParseOutcome } from "@/lib/ingest/types";
import { chunkedAt, collect, withField } from "@/lib/ingest/testing";
import { createVaultParser } from "@/lib/ingest/vault/parser";

const TOKEN = "hvs.CAESIJT2KM9n2KJqg_E267EHJSY0c4NWtTRnBsNWhzUDkQZQ";
const ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE";
const seeds = readFileSync(path.join(import.meta.dirname, "fixtures/audit.log"), "utf8").trimEnd().split("\n");
const FIELDS = ["time", "type", "auth", "auth.display_name", "auth.entity_id", "auth.metadata", "auth.policies", "request", "request.id", "request.operation", "request.path", "request.mount_point", "request.mount_type", "request.remote_address", "request.headers", "request.data", "error", "response"];
const parser = createVaultParser({ maxPending: 3 });

const mutatedEntry = fc
  .tuple(
    fc.constantFrom(...seeds),
    fc.array(fc.tuple(fc.constantFrom(...FIELDS), fc.oneof(fc.constant(undefined), fc.jsonValue({ maxDepth: 2 }), fc.constantFrom(TOKEN, `kv/data/${TOKEN}`, `auth/${TOKEN}/login`, `sys/${ACCESS_KEY}`, `x ${ACCESS_KEY} y`))), { maxLength: 3 }),
    fc.option(fc.nat(), { nil: undefined }),
  )
  .map(([seed, edits, cut]) => {
    const value = edits.reduce<unknown>((acc, [field, replacement]) => withField(acc, field.split("."), replacement, { create: false }), JSON.parse(seed));
    const text = JSON.stringify(value);
    return cut === undefined ? text : text.slice(0, cut % (text.length + 1));
  });
const garbage = fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.constantFrom(`{"token":"${TOKEN}"`, `${ACCESS_KEY}:{`, `[${JSON.stringify(TOKEN)}]`));
const line = fc.oneof({ arbitrary: fc.constantFrom(...seeds), weight: 2 }, { arbitrary: mutatedEntry, weight: 3 }, { arbitrary: garbage, weight: 1 });

function lineCount(bytes: Uint8Array): number {
  if (!bytes.length) return 0;
  const newlines = bytes.reduce((n, byte) => n + (byte === 0x0a ? 1 : 0), 0);
  return newlines + (bytes[bytes.length - 1] === 0x0a ? 0 : 1);
}

function expectWellFormed(out: ParseOutcome[]) {
  for (const outcome of out) {
    expect(outcome.location.file).toBe("audit.log");
    expect(outcome.location.line).toBeGreaterThan(0);
    if (outcome.kind !== "event") {
      expect(outcome.reason).not.toContain(TOKEN);
      expect(outcome.reason).not.toContain(TOKEN.slice(4, 20));
      expect(outcome.reason).not.toContain(ACCESS_KEY);
    }
  }
  const lines = out.map((o) => o.location.line);
  expect(new Set(lines).size).toBe(lines.length);
}

const cuts = fc.array(fc.integer({ min: 1, max: 97 }), { maxLength: 40 });

describe("vaultParser properties", () => {
  it("gives every line exactly one located outcome, whatever the lines hold", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 25 }), cuts, async (lines, sizes) => {
        const bytes = new TextEncoder().encode(lines.join("\n"));
        const out = await collect(parser, chunkedAt(bytes, sizes), "audit.log");
        expectWellFormed(out);
        expect(out).toHaveLength(lineCount(bytes));
        const counts = { event: 0, skipped: 0, quarantined: 0 };
        for (const o of out) counts[o.kind]++;
        expect(counts.event + counts.skipped + counts.quarantined).toBe(lineCount(bytes));
      }),
      { numRuns: 150 },
    );
  });

  it("survives arbitrary bytes", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 600 }), cuts, async (bytes, sizes) => {
        const out = await collect(parser, chunkedAt(bytes, sizes), "audit.log");
        expectWellFormed(out);
        if (!(bytes[0] === 0x1f && bytes[1] === 0x8b)) expect(out).toHaveLength(lineCount(bytes));
      }),
      { numRuns: 150 },
    );
  });

  it("survives a gzip file cut anywhere", async () => {
    const zipped = gzipSync(seeds.join("\n"));
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: zipped.length }), cuts, async (end, sizes) => {
        const out = await collect(parser, chunkedAt(zipped.subarray(0, end), sizes), "audit.log");
        expectWellFormed(out);
        expect(out.length).toBeLessThanOrEqual(seeds.length + 1);
      }),
      { numRuns: 60 },
    );
  });
});
