// scripts/inventory-commands.ts as `keyledger import` / `keyledger export` run it, against a test
// database (DATABASE_URL points at it, so openDatabase() uses it rather than the embedded one).
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import { createDemoRegistry, FIXTURES } from "@/lib/sources/inventory-file/fixtures/registry";
import { exportCommand, importCommand } from "@/scripts/inventory-commands";
import { useTestDatabase } from "@/test/database";

let database: Database;
let dir: string;
const TOP_20 = path.join(FIXTURES, "top-20.csv");

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, "log").mockImplementation((line: string) => void out.push(line));
  vi.spyOn(console, "error").mockImplementation((line: string) => void err.push(line));
  vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => (out.push(String(chunk)), true));
  return { out, err };
}

beforeAll(async () => {
  database = await useTestDatabase();
  await createDemoRegistry(database.db);
  dir = await mkdtemp(path.join(tmpdir(), "keyledger-inventory-"));
});
afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});
afterAll(async () => {
  await database.close();
  await rm(dir, { recursive: true, force: true });
});

describe("keyledger import / export", () => {
  it("dry-runs, imports, and says what happened", async () => {
    const dry = capture();
    await importCommand({ file: TOP_20, source: "Top-20 list", dryRun: true });
    expect(dry.out.join("\n")).toBe(
      `Dry run, nothing changed. ${TOP_20} is valid; importing it into "Top-20 list" (new source) would give: 20 read, 20 to add, 0 to change, 0 unchanged, 0 missing from the file (would be marked missing), 1 new consumer.`,
    );
    vi.restoreAllMocks();
    const real = capture();
    await importCommand({ file: TOP_20, source: "Top-20 list" });
    expect(real.out.join("\n")).toMatch(/^Imported .*top-20\.csv into "Top-20 list" \(new source\): 20 read, 20 added, 0 changed, 0 unchanged/);
    expect(process.exitCode).toBeUndefined();
  });

  it("prints every problem of a bad file, located, and exits 1", async () => {
    const bad = path.join(dir, "bad.csv");
    await writeFile(bad, "name,tier,operator\nA,9,ghost@lumenpay.example\n");
    const { err } = capture();
    await importCommand({ file: bad, source: "Top-20 list" });
    expect(process.exitCode).toBe(1);
    expect(err).toEqual([
      `keyledger import: ${bad} was not imported: 2 problems, nothing changed.`,
      '  bad.csv, line 2, column 2 (tier): "9" is not a tier: write 1, 2, 3, 4 (or Tier 1…Tier 4) or unknown',
      "  bad.csv, line 2, column 3 (operator): no person with the e-mail ghost@lumenpay.example is in the registry: add them under People first, or write unknown",
    ]);
  });

  it("exports to a file or to stdout", async () => {
    const out = path.join(dir, "out.csv");
    capture();
    await exportCommand({ format: "csv", out });
    expect(await readFile(out, "utf8")).toBe(await readFile(TOP_20, "utf8"));
    vi.restoreAllMocks();
    const stdout = capture();
    await exportCommand({ format: "yaml", source: "Top-20 list" });
    expect(stdout.out.join("")).toBe(await readFile(path.join(FIXTURES, "top-20.yaml"), "utf8"));
  });

  it("names a source that does not exist", async () => {
    const { err } = capture();
    await exportCommand({ format: "csv", source: "Nope" });
    expect(err).toEqual(['keyledger export: there is no source named "Nope"']);
    expect(process.exitCode).toBe(1);
  });
});
