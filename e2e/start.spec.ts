// `keyledger start` as a user runs it: it serves until Ctrl-C, then stops everything — the web
// server and the embedded Postgres — and a second start reuses the data without seeding again.
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, chmodSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";

const PORT = 3197;
const PG_PORT = 54398;

function start(dataDir: string) {
  const child = spawn(process.execPath, ["bin/keyledger.mjs", "start"], {
    env: { ...process.env, PORT: String(PORT), KEYLEDGER_PG_PORT: String(PG_PORT), KEYLEDGER_DATA_DIR: dataDir, DATABASE_URL: "", NEXTAUTH_URL: "" },
  });
  let out = "";
  child.stdout.on("data", (d) => (out += d));
  child.stderr.on("data", (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  return { child, exited, output: () => out };
}

const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });

test("serves until Ctrl-C, stops cleanly, and seeds only once", async () => {
  test.setTimeout(180_000);
  const dataDir = mkdtempSync(path.join(tmpdir(), "keyledger-start-"));
  chmodSync(dataDir, 0o755);
  try {
    const first = start(dataDir);
    await expect.poll(first.output, { timeout: 120_000 }).toContain(`Sign in at http://localhost:${PORT}/sign-in`);
    expect(first.output()).toContain("Seeded the demo company");
    await new Promise((r) => setTimeout(r, 1500));
    expect((await fetch(`http://127.0.0.1:${PORT}/api/health`)).status).toBe(200);

    first.child.kill("SIGINT");
    expect(await first.exited).toBe(0);
    expect(first.output()).toContain("keyledger: stopped.");
    expect(await listening(PORT)).toBe(false);
    expect(await listening(PG_PORT)).toBe(false);
    const orphans = execFileSync("ps", ["-eo", "args"]).toString().split("\n").filter((l) => l.includes(dataDir));
    expect(orphans).toEqual([]);

    const second = start(dataDir);
    await expect.poll(second.output, { timeout: 60_000 }).toContain("Sign in at");
    expect(second.output()).not.toContain("Seeded the demo company");
    second.child.kill("SIGTERM");
    expect(await second.exited).toBe(0);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
