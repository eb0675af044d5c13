// The `keyledger` command as a user runs it: its own embedded Postgres in a throw-away data
// directory, one clear line and a non-zero exit when something outside is wrong.
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "@/test/free-port";

const root = path.resolve(import.meta.dirname, "..");
let dataDir: string;
let pgPort: number;

function keyledger(args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number | null; out: string }>((resolve) => {
    const child = spawn(process.execPath, [path.join(root, "bin/keyledger.mjs"), ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: "", KEYLEDGER_DATA_DIR: dataDir, KEYLEDGER_PG_PORT: String(pgPort), ...env },
    });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("exit", (code) => resolve({ code, out }));
  });
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "keyledger-cli-"));
  pgPort = await freePort();
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

describe("keyledger", () => {
  it("migrates the embedded database on its own, starting and stopping Postgres for the command", async () => {
    const { code, out } = await keyledger(["migrate"]);
    expect(out).toContain("Migrations applied.");
    expect(code).toBe(0);
  });

  it("seeds the demo company once; a second seed adds nothing; --reset seeds again", async () => {
    const first = await keyledger(["seed"]);
    expect(first.out).toMatch(/Demo company seeded: \d+ people, 6 sources, \d+ secrets/);
    const second = await keyledger(["seed"]);
    expect(second.out).toContain("already seeded");
    const reset = await keyledger(["seed", "--reset"]);
    expect(reset.out).toMatch(/Demo company seeded/);
    expect([first.code, second.code, reset.code]).toEqual([0, 0, 0]);
  });

  it("exports the demo company's inventory file and imports it back unchanged", async () => {
    const csv = path.join(dataDir, "top-20.csv");
    const again = path.join(dataDir, "again.csv");
    expect((await keyledger(["export", "--format", "csv", "--out", csv])).code).toBe(0);
    const imported = await keyledger(["import", csv]);
    expect(imported.out).toMatch(/15 read, 0 added, 0 changed, 15 unchanged, 0 missing/);
    expect((await keyledger(["export", "--format", "csv", "--out", again])).code).toBe(0);
    expect(await readFile(again, "utf8")).toBe(await readFile(csv, "utf8"));
  });

  it("rejects a bad inventory file with every problem located, changing nothing", async () => {
    const bad = path.join(dataDir, "bad.csv");
    await writeFile(bad, "\uFEFFname;tier;colour\nfoo;7;red\nfoo;1;blue\n");
    const { code, out } = await keyledger(["import", bad, "--source", "Top-20 list (inventory.yaml)"]);
    expect(code).toBe(1);
    expect(out).toContain("bad.csv, line 1, column 3 (colour): unknown column");
    expect(out).toContain("bad.csv, line 2, column 2 (tier)");
    expect(out).toContain("line 2 and line 3");
    expect(out).toContain("nothing changed");
  });

  it("says in one line when the web port is taken", async () => {
    const blocker = net.createServer().listen(0);
    await new Promise((r) => blocker.once("listening", r));
    const port = (blocker.address() as net.AddressInfo).port;
    const { code, out } = await keyledger(["start"], { PORT: String(port) });
    blocker.close();
    expect(code).toBe(1);
    expect(out.trim()).toBe(`keyledger start: port ${port} is in use: stop what is using it, or set PORT to a free port`);
  });

  it("says in one line when DATABASE_URL cannot be reached", async () => {
    const { code, out } = await keyledger(["migrate"], { DATABASE_URL: "postgresql://keyledger:pw@127.0.0.1:1/keyledger" });
    expect(code).toBe(1);
    expect(out.trim().split("\n")).toHaveLength(1);
    expect(out).toMatch(/^keyledger migrate: cannot reach the database at 127\.0\.0\.1:1 \(DATABASE_URL\)/);
    expect(out).not.toContain("pw@");
  });

  it("names a bad variable", async () => {
    const { code, out } = await keyledger(["migrate"], { KEYLEDGER_PG_PORT: "not-a-port" });
    expect(code).toBe(1);
    expect(out).toContain("KEYLEDGER_PG_PORT:");
  });

  it("refuses demo sign-in against an external database", async () => {
    const { code, out } = await keyledger(["migrate"], { DATABASE_URL: "postgresql://k:pw@127.0.0.1:1/k", KEYLEDGER_DEMO: "on" });
    expect(code).toBe(1);
    expect(out).toContain("KEYLEDGER_DEMO: demo sign-in lets anyone act as any demo persona");
  });

  it("prints its usage for an unknown command", async () => {
    const { code, out } = await keyledger(["frobnicate"]);
    expect(code).toBe(2);
    expect(out).toContain("Usage: keyledger <command>");
  });
});
