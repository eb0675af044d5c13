import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { collect } from "@/lib/ingest/testing";
import type { LogParser, ParseOutcome } from "@/lib/ingest/types";
import { createVaultParser, PAIRED_REQUEST, vaultParser } from "@/lib/ingest/vault/parser";

const fixture = readFileSync(path.join(import.meta.dirname, "fixtures/audit.log"));
const fixtureLines = fixture.toString("utf8").trimEnd().split("\n");

const run = (input: string | Uint8Array | (string | Uint8Array)[], parser: LogParser = vaultParser): Promise<ParseOutcome[]> => collect(parser, input, "audit.log");

const at = (outcomes: ParseOutcome[], line: number) => outcomes.filter((o) => o.location.line === line);
const events = (outcomes: ParseOutcome[]) => outcomes.flatMap((o) => (o.kind === "event" ? [o.event] : []));
const entry = (overrides: Record<string, unknown> = {}, request: Record<string, unknown> = {}) =>
  JSON.stringify({
    time: "2026-11-20T09:15:02.123456Z",
    type: "request",
    auth: { display_name: "userpass-alice", entity_id: "e-1", metadata: { username: "alice" } },
    request: { id: "r-1", operation: "read", mount_point: "kv/", mount_type: "kv", path: "kv/data/payments/stripe-webhook", remote_address: "10.0.0.1", ...request },
    ...overrides,
  });

describe("vaultParser on real-shaped audit entries", () => {
  it("makes one event per operation and accounts for every line", async () => {
    const out = await run(fixture);
    expect(out).toHaveLength(fixtureLines.length);
    for (let line = 1; line <= fixtureLines.length; line++) expect(at(out, line)).toHaveLength(1);
    expect(out.filter((o) => o.kind === "event")).toHaveLength(7);
    expect(out.filter((o) => o.kind === "quarantined")).toEqual([]);
    const reasons: Record<string, number> = {};
    for (const o of out) if (o.kind === "skipped") reasons[o.reason] = (reasons[o.reason] ?? 0) + 1;
    expect(reasons).toEqual({ "not about a secret: auth/approle/login": 2, "not about a secret: sys/internal/ui": 1, [PAIRED_REQUEST]: 5 });
  });

  it("maps a paired KV v1 read by the root token (old log, no mount_type)", async () => {
    const [outcome] = at(await run(fixture), 4);
    expect(outcome).toEqual({
      kind: "event",
      location: { file: "audit.log", line: 4 },
      event: {
        occurredAt: "2019-01-08T06:43:50.157419Z",
        sourceKind: "vault",
        action: "read",
        rawAction: "read",
        result: "success",
        errorCode: null,
        actor: "root",
        actorType: "root",
        authSource: "token",
        sourceIp: "172.17.0.1",
        userAgent: null,
        secretRef: "secret/password",
        rawId: "d999de96-943f-b547-faf7-842c52c1150f",
      },
    });
  });

  it("maps a response whose request is not in the file (Kubernetes workload on a renamed auth mount)", async () => {
    const [outcome] = at(await run(fixture), 5);
    expect(outcome?.kind === "event" && outcome.event).toEqual({
      occurredAt: "2021-01-04T16:13:40.214414Z",
      sourceKind: "vault",
      action: "read",
      rawAction: "read",
      result: "success",
      errorCode: null,
      actor: "6021bd59-6f00-e459-3c69-21cc25fb871c",
      actorType: "workload",
      authSource: "kubernetes",
      sourceIp: "10.84.3.21",
      userAgent: null,
      secretRef: "kv/retail/app1",
      rawId: "1db4fd9e-86d5-b491-5f53-4a0fb693439e",
    });
  });

  it("resolves KV v2 paths to the connector's external id, keeping the request time", async () => {
    const out = await run(fixture);
    const byLine = (line: number) => {
      const [o] = at(out, line);
      return o?.kind === "event" ? o.event : undefined;
    };
    expect(byLine(8)).toMatchObject({ occurredAt: "2026-09-09T06:12:11.935300Z", secretRef: "secret/cloud_credentials/rotation/_rotation-key-cloudflare-r2-token", actor: "5cb4e785-fe8a-5d82-b991-31e74980d2b8", actorType: "workload", authSource: "approle" });
    expect(byLine(10)).toMatchObject({ action: "list", secretRef: "kv/payments/", actorType: "human", authSource: "userpass", userAgent: "Go-http-client/1.1" });
    expect(byLine(12)).toMatchObject({ action: "read", result: "failure", errorCode: "permission denied", secretRef: "kv/payments/stripe-webhook" });
    expect(byLine(14)).toMatchObject({ action: "delete", rawAction: "update", secretRef: "kv/payments/old-stripe-key", actorType: "human", authSource: "oidc", sourceIp: "2001:db8::42" });
  });

  it("ends the file with an event for a request that never got its response", async () => {
    const out = await run(fixture);
    expect(out.at(-1)).toMatchObject({
      kind: "event",
      location: { line: 15 },
      event: { action: "create", result: "failure", errorCode: "no_response", secretRef: "kv/payments/stripe-webhook", authSource: "approle", rawId: "f0e1d2c3-b4a5-9687-7869-5a4b3c2d1e0f" },
    });
  });

  it("reads the same file gzipped, whatever its name", async () => {
    expect(await run(gzipSync(fixture))).toEqual(await run(fixture));
  });
});

describe("vaultParser pairing", () => {
  it("pairs interleaved requests and responses by request.id", async () => {
    const a = (type: string, time: string) => entry({ type, time }, { id: "a" });
    const b = (type: string, time: string) => entry({ type, time }, { id: "b", path: "kv/data/other" });
    const out = await run([a("request", "2026-01-01T00:00:01Z"), b("request", "2026-01-01T00:00:02Z"), b("response", "2026-01-01T00:00:03Z"), a("response", "2026-01-01T00:00:04Z")].join("\n"));
    expect(out.map((o) => [o.kind, o.location.line])).toEqual([["skipped", 2], ["event", 3], ["skipped", 1], ["event", 4]]);
    expect(events(out).map((e) => [e.rawId, e.occurredAt, e.secretRef])).toEqual([
      ["b", "2026-01-01T00:00:02.000Z", "kv/other"],
      ["a", "2026-01-01T00:00:01.000Z", "kv/payments/stripe-webhook"],
    ]);
  });

  it("takes the outcome from the response and the error from the request when only it has one", async () => {
    const out = await run([entry({ error: "permission denied" }), entry({ type: "response" })].join("\n"));
    expect(events(out)).toEqual([expect.objectContaining({ result: "failure", errorCode: "permission denied" })]);
  });

  it("gives up the oldest waiting request past the bound, still one outcome per line", async () => {
    const lines = ["1", "2", "3", "4"].map((id) => entry({}, { id }));
    const out = await run([...lines, entry({ type: "response" }, { id: "1" })].join("\n"), createVaultParser({ maxPending: 2 }));
    expect(out.map((o) => o.location.line).sort()).toEqual([1, 2, 3, 4, 5]);
    expect(events(out).map((e) => [e.rawId, e.errorCode])).toEqual([["1", "no_response"], ["2", "no_response"], ["1", null], ["3", "no_response"], ["4", "no_response"]]);
  });

  it("classifies an old request by the mount_type its response records", async () => {
    const old = { mount_type: undefined, mount_point: undefined, path: "team/db-password" };
    const out = await run([entry({}, old), entry({ type: "response", response: { mount_type: "kv" } }, old)].join("\n"));
    expect(out).toMatchObject([{ kind: "skipped", reason: "unknown secrets engine (no mount_type): team/db-password" }, { kind: "event", event: { secretRef: "team/db-password" } }]);
  });

  it("closes a repeated request id before keeping the new one", async () => {
    const out = await run([entry(), entry(), entry({ type: "response" })].join("\n"));
    expect(out.map((o) => [o.kind, o.location.line])).toEqual([["event", 1], ["skipped", 2], ["event", 3]]);
  });
});

describe("vaultParser quarantine", () => {
  const quarantined = (out: ParseOutcome[]) => out.flatMap((o) => (o.kind === "quarantined" ? [[o.location.line, o.reason]] : []));

  it("locates truncated JSON, wrong types and missing fields, and keeps going", async () => {
    const good = entry({ type: "response" });
    const out = await run(
      [good.slice(0, 60), entry({}, { path: 42 }), entry({}, { id: undefined }), entry({ time: "yesterday" }), entry({ type: "audit" }), "[1,2]", good].join("\n"),
    );
    expect(quarantined(out)).toEqual([
      [1, "truncated JSON (the line ends inside a value)"],
      [2, "request.path: Invalid input: expected string, received number"],
      [3, "request.id: Invalid input: expected string, received undefined"],
      [4, "time: not a date-time (ISO 8601, or a SIEM export's 2026-11-20 09:15:02.123456)"],
      [5, 'type: Invalid option: expected one of "request"|"response"'],
      [6, "not a JSON object"],
    ]);
    expect(at(out, 7)).toEqual([expect.objectContaining({ kind: "event" })]);
  });

  it("quarantines a 10 MB line and a line of invalid UTF-8 without stopping", async () => {
    const out = await run([`${entry()}\n`, "x".repeat(10 * 1024 * 1024), "\n", new Uint8Array([0xff, 0xfe, 0x0a]), entry({ type: "response" }, { id: "other" })]);
    expect(quarantined(out)).toEqual([
      [2, "line is longer than 1048576 bytes (10485760 bytes)"],
      [3, "line is not valid UTF-8"],
    ]);
    expect(out).toHaveLength(4);
  });

  it("ends a corrupt gzip with a located record", async () => {
    const zipped = gzipSync(fixture);
    const out = await run([zipped.subarray(0, zipped.length / 2), Buffer.from("not gzip at all")]);
    const last = out.filter((o) => o.kind === "quarantined").at(-1);
    expect(last?.reason).toMatch(/^the file is not readable past this point/);
    expect(last?.location.line).toBeGreaterThan(0);
  });

  it("skips blank lines and says so", async () => {
    expect(await run(`\n   \n${entry({ type: "response" })}`)).toMatchObject([{ kind: "skipped", reason: "blank line" }, { kind: "skipped", reason: "blank line" }, { kind: "event" }]);
  });
});
