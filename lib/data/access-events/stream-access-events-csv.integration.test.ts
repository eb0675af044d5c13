// A filtered CSV export of the demo company's 300k access events streams page by page: every row
// arrives, and the process never holds more than a small part of the file.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { seedDemo } from "@/db/seed";
import { findPersonByEmail } from "@/lib/data/people/find-person-by-email";
import { streamAccessEventsCsv } from "@/lib/data/access-events/stream-access-events-csv";
import { actorOf } from "@/test/actors";
import { useTestDatabase } from "@/test/database";

let database: Database;

// Garbage is not growth: the heap is measured after a full collection, every few hundred chunks.
setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;
const retainedHeap = () => {
  collectGarbage();
  return process.memoryUsage().heapUsed;
};

beforeAll(async () => {
  database = await useTestDatabase();
  await seedDemo(database);
}, 240_000);
afterAll(() => database.close());

describe("access-log CSV export", () => {
  it("streams 300k rows without holding them", async () => {
    const auditor = await findPersonByEmail({ email: "erin@lumenpay.example", db: database.db });
    const [{ n: expected } = { n: 0 }] = (await database.pool.query<{ n: number }>(`select count(*)::int as n from access_events where source_kind <> 'keyledger'`)).rows;
    expect(expected).toBeGreaterThanOrEqual(300_000);

    const stream = await streamAccessEventsCsv({ actor: actorOf(auditor!), filters: { source: ["cloudtrail", "vault"] } });
    const start = retainedHeap();
    let peak = 0;
    let bytes = 0;
    let newlines = 0;
    let chunks = 0;
    for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) {
      bytes += chunk.byteLength;
      for (const byte of chunk) if (byte === 0x0a) newlines++;
      if (++chunks % 200 === 0) peak = Math.max(peak, retainedHeap() - start);
    }
    expect(newlines - 1).toBe(expected); // every row, plus the header
    expect(bytes).toBeGreaterThan(40 * 2 ** 20);
    // Holding the file would cost at least its size in heap; streaming keeps a page or two.
    expect(chunks).toBeGreaterThan(400);
    expect(peak).toBeLessThan(bytes / 10);
  }, 240_000);
});
