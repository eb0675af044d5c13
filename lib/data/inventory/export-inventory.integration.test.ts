import { readFile } from "node:fs/promises";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { secrets, sources } from "@/db/schema";
import { seedDemoCompany } from "@/db/seed";
import { createSecret, createSource } from "@/db/seed/factories";
import { exportInventory } from "@/lib/data/inventory/export-inventory";
import { importInventory, type ImportResult } from "@/lib/data/inventory/import-inventory";
import { AppError } from "@/lib/errors";
import { createDemoRegistry, FIXTURES, snapshotSecrets } from "@/lib/sources/inventory-file/fixtures/registry";
import { formatProblem } from "@/lib/sources/inventory-file/problems";
import { createTestDatabase } from "@/test/database";

const ok = (result: ImportResult) => {
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join("\n"));
  return result;
};
const fixture = (name: string) => readFile(path.join(FIXTURES, name), "utf8");

describe("exportInventory on the top-20 list", () => {
  let database: Database;
  let sourceId: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    await createDemoRegistry(database.db);
    sourceId = ok(await importInventory({ db: database.db, file: path.join(FIXTURES, "top-20.csv"), sourceName: "Top-20 list" })).source.id;
  });
  afterAll(() => database.close());

  it("writes back exactly the file that was imported (CSV), and the same list as YAML", async () => {
    expect(await exportInventory({ db: database.db, format: "csv" })).toBe(await fixture("top-20.csv"));
    expect(await exportInventory({ db: database.db, format: "yaml", sourceId })).toBe(await fixture("top-20.yaml"));
  });

  it("gives the same bytes twice, and again after importing its own output", async () => {
    for (const format of ["csv", "yaml"] as const) {
      const first = await exportInventory({ db: database.db, format });
      expect(await exportInventory({ db: database.db, format })).toBe(first);
      ok(await importInventory({ db: database.db, text: first, format, fileName: `x.${format}`, sourceName: "Top-20 list" }));
      expect(await exportInventory({ db: database.db, format })).toBe(first);
    }
  });

  it("export → import is a no-op, in both formats", async () => {
    for (const format of ["csv", "yaml"] as const) {
      const before = await snapshotSecrets(database.db);
      const text = await exportInventory({ db: database.db, format });
      const result = ok(await importInventory({ db: database.db, text, format, fileName: `x.${format}`, sourceName: "Top-20 list" }));
      expect(result.counts).toEqual({ read: 20, added: 0, changed: 0, unchanged: 20, missing: 0, consumersCreated: 0 });
      expect(await snapshotSecrets(database.db)).toBe(before);
    }
  });

  it("imports the YAML fixture to the same registry as the CSV one", async () => {
    const other = await createTestDatabase();
    try {
      await createDemoRegistry(other.db);
      ok(await importInventory({ db: other.db, file: path.join(FIXTURES, "top-20.yaml") }));
      expect(await exportInventory({ db: other.db, format: "csv" })).toBe(await fixture("top-20.csv"));
    } finally {
      await other.close();
    }
  });

  it("leaves out secrets marked missing", async () => {
    const [heroku] = await database.db.update(secrets).set({ missingSince: new Date() }).where(eq(secrets.name, "Legacy Heroku API key")).returning();
    const text = await exportInventory({ db: database.db, format: "csv" });
    expect(text).not.toContain("Legacy Heroku API key");
    expect(text.trimEnd().split("\n")).toHaveLength(21); // header, 19 rows, one of them two lines long
    await database.db.update(secrets).set({ missingSince: null }).where(eq(secrets.id, heroku!.id));
  });
});

describe("exportInventory, choosing what to export", () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  it("says so when there is no inventory-file source, or several", async () => {
    await expect(exportInventory({ db: database.db, format: "csv" })).rejects.toThrow(AppError);
    await createSource(database.db, { name: "List A" });
    await createSource(database.db, { name: "List B" });
    await expect(exportInventory({ db: database.db, format: "csv" })).rejects.toThrow('There are 2 inventory-file sources ("List A", "List B"): say which one to export');
  });

  it("exports every secret of every source when asked, guarding cells a spreadsheet would run", async () => {
    const vault = await createSource(database.db, { kind: "vault", name: "Vault KV" });
    await createSecret(database.db, { sourceId: vault.id, name: "=HYPERLINK(\"x\")", description: "-- rotate yearly", tier: 2, ttlSeconds: 5400 });
    const text = await exportInventory({ db: database.db, format: "csv", allSources: true });
    expect(text.split("\n")[1]).toBe('"\'=HYPERLINK(""x"")",unknown,2,unknown,unknown,unknown,unknown,90m,unknown,unknown,unknown,unknown,unknown,unknown,unknown,\'-- rotate yearly');
  });
});

describe("the spreadsheet guard on the way out and back", () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  it("guards and quotes every cell a spreadsheet would run, and an import gives back each value exactly", async () => {
    const source = await createSource(database.db, { name: "Hostile list" });
    const values = ["'=already guarded", "rotate;=HYPERLINK(\"http://evil.example\")", "@SUM(A1)", "'plain"];
    for (const [i, description] of values.entries()) await createSecret(database.db, { sourceId: source.id, name: `${values[(i + 1) % values.length]} #${i}`, description });
    const text = await exportInventory({ db: database.db, format: "csv", sourceId: source.id });
    const cells = text.split("\n").slice(1).join("\n");
    expect(cells).toContain('"rotate;=HYPERLINK(""http://evil.example"")"');
    expect(cells).toContain("''=already guarded");
    expect(cells).not.toMatch(/(^|,|\n)[=+\-@]/);
    const before = await snapshotSecrets(database.db);
    const result = ok(await importInventory({ db: database.db, text, format: "csv", fileName: "hostile.csv", sourceName: "Hostile list" }));
    expect(result.counts).toMatchObject({ read: 4, added: 0, changed: 0, unchanged: 4 });
    expect(await snapshotSecrets(database.db)).toBe(before);
    expect(await exportInventory({ db: database.db, format: "csv", sourceId: source.id })).toBe(text);
  });
});

describe("the demo company's inventory file", () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDemoCompany(database, { accessEvents: 0 });
  });
  afterAll(() => database.close());

  it("exports and imports back with no change, though the seed gave its secrets other external ids", async () => {
    const [source] = await database.db.select().from(sources).where(eq(sources.kind, "inventory_file"));
    const before = await snapshotSecrets(database.db);
    for (const format of ["csv", "yaml"] as const) {
      const text = await exportInventory({ db: database.db, format });
      const result = ok(await importInventory({ db: database.db, text, format, fileName: `inventory.${format}`, sourceName: source!.name }));
      expect(result.counts).toMatchObject({ added: 0, changed: 0, missing: 0 });
      expect(result.counts.unchanged).toBe(result.counts.read);
    }
    expect(await snapshotSecrets(database.db)).toBe(before);
  });
});
