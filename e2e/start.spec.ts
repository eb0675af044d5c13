// `keyledger start` as a user runs it: it serves on loopback only until Ctrl-C, then stops
// everything — the web server and the embedded Postgres — and a second start reuses the data
// without seeding again. The demo is never served off loopback unless the operator forces it.
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, chmodSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";

const PORT = 3197;
const PG_PORT = 54398;

function start(dataDir: string, extra: Record<string, string> = {}) {
  const child = spawn(process.execPath, ["bin/keyledger.mjs", "start"], {
    env: { ...process.env, PORT: String(PORT), KEYLEDGER_PG_PORT: String(PG_PORT), KEYLEDGER_DATA_DIR: dataDir, DATABASE_URL: "", NEXTAUTH_URL: "", ...extra },
  });
  let out = "";
  child.stdout.on("data", (d) => (out += d));
  child.stderr.on("data", (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  return { child, exited, output: () => out };
}

/** The IPv4 addresses something listens on at this port, as the kernel reports them (/proc/net/tcp). */
const listeners = (port: number) =>
  readFileSync("/proc/net/tcp", "utf8")
    .split("\n")
    .slice(1)
    .map((line) => line.trim().split(/\s+/))
    .filter((f) => f[3] === "0A" && Number.parseInt(f[1]?.split(":")[1] ?? "", 16) === port)
    .map((f) => `${(f[1]!.split(":")[0]!.match(/../g) ?? []).reverse().map((h) => Number.parseInt(h, 16)).join(".")}:${port}`);

const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });

test("serves on loopback until Ctrl-C, stops cleanly, seeds only once, and shouts when the demo is forced off loopback", async () => {
  test.setTimeout(180_000);
  const dataDir = mkdtempSync(path.join(tmpdir(), "keyledger-start-"));
  chmodSync(dataDir, 0o755);
  try {
    const first = start(dataDir);
    await expect.poll(first.output, { timeout: 120_000 }).toContain(`Sign in at http://localhost:${PORT}/sign-in`);
    expect(first.output()).toContain("Seeded the demo company");
    expect(first.output()).toContain(`Listening on http://127.0.0.1:${PORT} (loopback only`);
    expect(first.output()).not.toContain("ANYONE WHO CAN REACH");
    expect(listeners(PORT)).toEqual([`127.0.0.1:${PORT}`]);
    await new Promise((r) => setTimeout(r, 1500));
    expect((await fetch(`http://127.0.0.1:${PORT}/api/health`)).status).toBe(200);

    first.child.kill("SIGINT");
    expect(await first.exited).toBe(0);
    expect(first.output()).toContain("keyledger: stopped.");
    expect(await listening(PORT)).toBe(false);
    expect(await listening(PG_PORT)).toBe(false);
    const orphans = execFileSync("ps", ["-eo", "args"]).toString().split("\n").filter((l) => l.includes(dataDir));
    expect(orphans).toEqual([]);

    const second = start(dataDir, { KEYLEDGER_HOST: "0.0.0.0", KEYLEDGER_DEMO: "force" });
    await expect.poll(second.output, { timeout: 60_000 }).toContain("Sign in at");
    expect(second.output()).not.toContain("Seeded the demo company");
    expect(second.output()).toContain(`Listening on http://0.0.0.0:${PORT} (reachable from the network)`);
    expect(second.output()).toContain("ANYONE WHO CAN REACH THIS ADDRESS CAN SIGN IN AS ANY DEMO PERSONA, INCLUDING THE ADMIN.");
    expect(listeners(PORT)).toEqual([`0.0.0.0:${PORT}`]);
    second.child.kill("SIGTERM");
    expect(await second.exited).toBe(0);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test("refuses to serve the demo off loopback unless the operator forces it", async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "keyledger-start-"));
  try {
    const refused = start(dataDir, { KEYLEDGER_HOST: "0.0.0.0" });
    expect(await refused.exited).toBe(1);
    expect(refused.output()).toContain("KEYLEDGER_HOST=0.0.0.0 is not a loopback address, and demo sign-in lets anyone who can reach it act as any persona");
    expect(refused.output()).toContain("KEYLEDGER_DEMO=force");
    expect(await listening(PORT)).toBe(false);
    expect(await listening(PG_PORT)).toBe(false);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
