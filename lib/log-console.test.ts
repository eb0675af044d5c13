import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as nextLog from "next/dist/build/output/log";
import { registerUnhandledRejectionListener } from "next/dist/server/node-environment-extensions/process-error-handlers";
import { routeConsoleThroughLog } from "@/lib/log-console";

const TOKEN = "ghp_abcdefghijklmnopqrstuvwxyz0123456789";
const DB_URL = "postgres://keyledger:hunter2-hunter2@db.internal:5432/keyledger";

// What reached the real streams, captured below the hook as the terminal would see it.
let written: string[] = [];
let undo: () => void;
const streams = [process.stdout, process.stderr] as const;
let originals: ((typeof process.stdout)["write"])[] = [];

beforeEach(() => {
  written = [];
  originals = streams.map((stream) => stream.write);
  for (const stream of streams) stream.write = ((chunk: string | Uint8Array) => (written.push(String(chunk)), true)) as typeof stream.write;
  undo = routeConsoleThroughLog();
});

afterEach(() => {
  undo();
  streams.forEach((stream, i) => (stream.write = originals[i]!));
});

const output = () => written.join("");

describe("console through the redacting logger", () => {
  it("redacts what our code and libraries print with console.*", () => {
    console.error("sync failed with token", TOKEN);
    console.warn(`could not connect to ${DB_URL}`);
    console.log({ header: `Bearer ${TOKEN}` });
    expect(output()).not.toContain(TOKEN);
    expect(output()).not.toContain("hunter2-hunter2");
    expect(output()).toMatch(/error sync failed with token \[redacted\]/);
    expect(output()).toMatch(/warn {2}could not connect to postgres:\/\/keyledger:\[redacted\]@db\.internal/);
  });

  it("redacts an error Next.js prints for a failed route, message and stack", () => {
    nextLog.error(new Error(`upstream refused ${TOKEN}`));
    expect(output()).toContain("Error: upstream refused [redacted]");
    expect(output()).toMatch(/\n\s+at /);
    expect(output()).not.toContain(TOKEN);
  });

  it("redacts what Next's own unhandledRejection listener prints", () => {
    registerUnhandledRejectionListener();
    const listener = (globalThis as Record<symbol, (reason: unknown) => void>)[Symbol.for("next.unhandledRejectionListener")]!;
    try {
      listener(new Error(`lost connection to ${DB_URL}`));
    } finally {
      process.removeListener("unhandledRejection", listener);
    }
    expect(output()).toMatch(/error .*unhandledRejection: Error: lost connection to postgres:\/\/keyledger:\[redacted\]@/);
    expect(output()).not.toContain("hunter2-hunter2");
  });

  it("redacts a direct write to stderr", () => {
    process.stderr.write(`raw ${TOKEN}\n`);
    expect(output()).toBe("raw [redacted]\n");
  });

  it("never prints a failed query's SQL parameters", () => {
    const failed = Object.assign(new Error(`Failed query: select $1\nparams: maya's note,${TOKEN}`), { query: "select $1", params: ["maya's note", TOKEN] });
    console.error(" ⨯", failed);
    expect(output()).toContain("DrizzleQueryError: database query failed");
    expect(output()).not.toContain("maya's note");
    expect(output()).not.toContain("select $1");
  });

  it("is installed once and undone completely", () => {
    expect(routeConsoleThroughLog()).toBe(undo);
    const hooked = console.error;
    undo();
    expect(console.error).not.toBe(hooked);
    process.stderr.write(TOKEN);
    expect(output()).toBe(TOKEN);
    undo = routeConsoleThroughLog();
  });
});
