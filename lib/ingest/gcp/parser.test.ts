import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { gcpParser } from "@/lib/ingest/gcp/parser";
import { chunked, collect, fixture, tally } from "@/lib/ingest/testing";
import type { NormalizedEvent, ParseOutcome } from "@/lib/ingest/types";

const SM = "google.cloud.secretmanager.v1.SecretManagerService.";
const DATA_ACCESS = "projects/acme-prod/logs/cloudaudit.googleapis.com%2Fdata_access";
const sink = fixture("gcp", "sink-secretmanager.jsonl");

const accessBySa: NormalizedEvent = {
  occurredAt: "2026-03-02T10:15:02.123456Z",
  sourceKind: "gcp",
  action: "read",
  rawAction: `${SM}AccessSecretVersion`,
  result: "success",
  errorCode: null,
  actor: "payments-api@acme-prod.iam.gserviceaccount.com",
  actorType: "workload",
  authSource: "service-account",
  sourceIp: "203.0.113.10",
  userAgent: "grpc-go/1.70.0,gzip(gfe)",
  secretRef: "projects/123456789012/secrets/stripe-api-key",
  rawId: `${DATA_ACCESS}#1x9k2fe3a1b`,
};

const events = (outcomes: ParseOutcome[]) => outcomes.flatMap((o) => (o.kind === "event" ? [o.event] : []));
const entry = (fields: Record<string, unknown>) =>
  JSON.stringify({
    insertId: "abc",
    timestamp: "2026-03-02T10:00:00Z",
    logName: DATA_ACCESS,
    protoPayload: { serviceName: "secretmanager.googleapis.com", methodName: `${SM}AccessSecretVersion`, resourceName: "projects/p/secrets/s/versions/1" },
    ...fields,
  });

describe("gcpParser on a log sink export (one LogEntry per line)", () => {
  it("maps every Secret Manager method and skips the rest, by reason", async () => {
    const outcomes = await collect(gcpParser, sink, "sink.jsonl");
    expect(tally(outcomes)).toEqual({
      events: 11,
      skipped: { "not a secret operation": 1, "not a Secret Manager entry": 1, "not an audit log entry": 1 },
      quarantined: 0,
    });
    expect(outcomes.map((o) => o.location)).toEqual(outcomes.map((_, i) => ({ file: "sink.jsonl", line: i + 1 })));
    expect(events(outcomes).map((e) => [e.action, e.secretRef])).toEqual([
      ["read", "projects/123456789012/secrets/stripe-api-key"],
      ["read", "projects/acme-prod/secrets/stripe-api-key"],
      ["rotate", "projects/acme-prod/secrets/stripe-api-key"],
      ["create", "projects/acme-prod/secrets/db-password"],
      ["tag_change", "projects/acme-prod/secrets/db-password"],
      ["policy_change", "projects/acme-prod/secrets/stripe-api-key"],
      ["list", "projects/acme-prod"],
      ["describe", "projects/123456789012/secrets/stripe-api-key"],
      ["delete", "projects/acme-prod/locations/europe-west1/secrets/legacy-token"],
      ["update", "projects/acme-prod/secrets/legacy-api-key"],
      ["read", "projects/acme-prod/secrets/stripe-api-key"],
    ]);
  });

  it("produces complete normalized events", async () => {
    const [first, denied, , , , , wif, gke, destroy, agent, redacted] = events(await collect(gcpParser, sink));
    expect(first).toEqual(accessBySa);
    expect(denied).toEqual({
      ...accessBySa,
      occurredAt: "2026-03-02T10:16:40.500Z",
      result: "failure",
      errorCode: "PERMISSION_DENIED",
      actor: "ci-runner@acme-prod.iam.gserviceaccount.com",
      sourceIp: null, // "gce-internal-ip" is not an address
      userAgent: "google-api-go-client/0.5,gzip(gfe)",
      secretRef: "projects/acme-prod/secrets/stripe-api-key",
      rawId: `${DATA_ACCESS}#1x9k2fe3a1c`,
    });
    expect(wif).toMatchObject({
      action: "list",
      actor: "principal://iam.googleapis.com/projects/123456789012/locations/global/workloadIdentityPools/github/subject/repo:acme/api:ref:refs/heads/main",
      actorType: "workload",
      authSource: "workload-identity-federation",
    });
    expect(gke).toMatchObject({ actorType: "workload", authSource: "workload-identity" });
    expect(destroy).toMatchObject({ actor: "bob@acme.example", actorType: "human", authSource: "user", sourceIp: "2001:db8::17" });
    expect(agent).toMatchObject({ actorType: "service", authSource: "service-agent", sourceIp: null, userAgent: null });
    expect(redacted).toMatchObject({ actor: "unknown", actorType: "unknown", authSource: null });
  });

  it("reads the same events from gzip, whatever the chunking", async () => {
    const plain = await collect(gcpParser, sink);
    expect(await collect(gcpParser, chunked(gzipSync(sink), 7))).toEqual(plain);
    expect(await collect(gcpParser, chunked(sink, 5))).toEqual(plain);
  });

  it("ignores blank lines, a byte-order mark and CRLF", async () => {
    const text = `\uFEFF${entry({})}\r\n\r\n   \n${entry({ insertId: "def" })}\r\n`;
    const outcomes = await collect(gcpParser, text);
    expect(outcomes.map((o) => [o.kind, o.location.line])).toEqual([["event", 1], ["event", 4]]);
  });
});

describe("gcpParser on a JSON document", () => {
  it("streams the elements of `gcloud logging read --format=json`, located by index and line", async () => {
    const outcomes = await collect(gcpParser, fixture("gcp", "gcloud-read.json"), "read.json");
    expect(outcomes.map((o) => [o.kind, o.location])).toEqual([
      ["event", { file: "read.json", line: 2, index: 0 }],
      ["event", { file: "read.json", line: 52, index: 1 }],
      ["skipped", { file: "read.json", line: 103, index: 2 }],
    ]);
    expect(events(outcomes)[0]).toEqual(accessBySa);
  });

  it("reads a Logging API response ({entries: [...]}) and a pretty-printed single entry", async () => {
    const lines = sink.toString("utf8").trim().split("\n");
    const api = JSON.stringify({ entries: lines.slice(0, 3).map((l) => JSON.parse(l)), nextPageToken: "x" }, null, 2);
    expect((await collect(gcpParser, api)).map((o) => [o.kind, o.location.index])).toEqual([["event", 0], ["event", 1], ["event", 2]]);
    const single = JSON.stringify(JSON.parse(lines[0]!), null, 2);
    expect(events(await collect(gcpParser, single))).toEqual([accessBySa]);
  });

  it("reads the documentation sample that was trimmed of its timestamp at the time the request was received", async () => {
    expect(events(await collect(gcpParser, fixture("gcp", "doc-sample-trimmed.json"), "doc.json"))).toMatchObject([
      { occurredAt: "2025-02-02T22:56:34.343726Z", rawId: "j5g83weee2yb", rawAction: `${SM}AccessSecretVersion`, secretRef: "projects/victim-project/secrets/retrieve-secret-8" },
    ]);
  });
});

describe("gcpParser on entries an exporter stripped of insertId, timestamp and logName", () => {
  const stripped = (fields: Record<string, unknown> = {}) => {
    const value = JSON.parse(entry(fields)) as Record<string, unknown>;
    delete value.insertId;
    delete value.timestamp;
    delete value.logName;
    return value;
  };
  const withRequestTime = (time: unknown) =>
    stripped({ protoPayload: { ...(JSON.parse(entry({})) as { protoPayload: object }).protoPayload, requestMetadata: { callerIp: "192.0.2.7", requestAttributes: { time } } } });

  it("takes the time from requestMetadata.requestAttributes.time, to the microsecond", async () => {
    const [event] = events(await collect(gcpParser, JSON.stringify(withRequestTime("2026-03-02T10:00:00.987654321Z"))));
    expect(event).toMatchObject({ occurredAt: "2026-03-02T10:00:00.987654Z", sourceIp: "192.0.2.7", rawId: expect.stringMatching(/^entry:[0-9a-f]{40}$/) });
  });

  it("knows an entry by its content: the same entry re-exported (fields in another order) gets the same id, another entry another", async () => {
    const value = withRequestTime("2026-03-02T10:00:00.5Z");
    const reordered = Object.fromEntries(Object.entries(value).reverse());
    const other = withRequestTime("2026-03-02T10:00:00.6Z");
    const ids = events(await collect(gcpParser, [value, reordered, other].map((v) => JSON.stringify(v)).join("\n"))).map((e) => e.rawId);
    expect(ids[0]).toBe(ids[1]);
    expect(ids[2]).not.toBe(ids[0]);
  });

  it("reads a SIEM export's time (space, no zone: UTC, nine fraction digits) in the timestamp too", async () => {
    const [event] = events(await collect(gcpParser, entry({ timestamp: "2026-03-02 10:00:00.123456789" })));
    expect(event?.occurredAt).toBe("2026-03-02T10:00:00.123456Z");
  });

  it("still quarantines, with the field, an entry with no time at all or an unreadable one", async () => {
    const text = [JSON.stringify(stripped()), JSON.stringify(withRequestTime("soon"))].join("\n");
    expect(await collect(gcpParser, text, "siem.jsonl")).toEqual([
      { kind: "quarantined", reason: "missing field timestamp", location: { file: "siem.jsonl", line: 1 } },
      { kind: "quarantined", reason: "field protoPayload.requestMetadata.requestAttributes.time: not a date-time (ISO 8601, or a SIEM export's 2026-11-20 09:15:02.123456)", location: { file: "siem.jsonl", line: 2 } },
    ]);
  });
});

describe("gcpParser quarantines what it cannot read, with its location", () => {
  it("names the field of a wrong type or a missing one, never its value", async () => {
    const text = [
      entry({ protoPayload: { serviceName: "secretmanager.googleapis.com", methodName: 42 } }),
      entry({ insertId: 7 }),
      entry({ timestamp: "yesterday" }),
      entry({ protoPayload: "text" }),
      entry({ protoPayload: { serviceName: "secretmanager.googleapis.com", methodName: `${SM}GetSecret`, status: { code: "SOMETIMES" } } }),
      entry({ protoPayload: { serviceName: "secretmanager.googleapis.com", methodName: `${SM}GetSecret`, authenticationInfo: [] } }),
      "[1, null]",
      '{"insertId": "abc", "timestamp": ',
    ].join("\n");
    const outcomes = await collect(gcpParser, text, "bad.jsonl");
    expect(outcomes).toEqual([
      { kind: "quarantined", reason: "field protoPayload.methodName: expected string, received number", location: { file: "bad.jsonl", line: 1 } },
      { kind: "quarantined", reason: "field insertId: expected string, received number", location: { file: "bad.jsonl", line: 2 } },
      { kind: "quarantined", reason: "field timestamp: not a date-time (ISO 8601, or a SIEM export's 2026-11-20 09:15:02.123456)", location: { file: "bad.jsonl", line: 3 } },
      { kind: "quarantined", reason: "field protoPayload: expected object", location: { file: "bad.jsonl", line: 4 } },
      { kind: "quarantined", reason: "field protoPayload.status.code: not a status code", location: { file: "bad.jsonl", line: 5 } },
      { kind: "quarantined", reason: "field protoPayload.authenticationInfo: expected object, received array", location: { file: "bad.jsonl", line: 6 } },
      { kind: "quarantined", reason: "not a JSON object", location: { file: "bad.jsonl", line: 7, index: 0 } },
      { kind: "quarantined", reason: "not a JSON object", location: { file: "bad.jsonl", line: 7, index: 1 } },
      { kind: "quarantined", reason: "not valid JSON (it ends early)", location: { file: "bad.jsonl", line: 8 } },
    ]);
  });

  it("quarantines a 10 MB line and invalid UTF-8 and reads on", async () => {
    const huge = entry({ insertId: "x".repeat(10 * 1024 * 1024) });
    const invalid = Buffer.concat([Buffer.from(entry({}).slice(0, 20)), Buffer.from([0xc3, 0x28]), Buffer.from(entry({}).slice(20))]);
    const outcomes = await collect(gcpParser, [entry({}), "\n", huge, "\n", invalid, "\n", entry({ insertId: "z" })]);
    expect(outcomes.map((o) => [o.kind, o.kind === "event" ? null : o.reason, o.location.line])).toEqual([
      ["event", null, 1],
      ["quarantined", `line is longer than 1 MiB (${huge.length} bytes); not read`, 2],
      ["quarantined", "line is not valid UTF-8", 3],
      ["event", null, 4],
    ]);
  });

  it("ends a corrupt gzip with one located outcome", async () => {
    const zipped = gzipSync(Buffer.concat(Array.from({ length: 200 }, () => Buffer.from(`${entry({})}\n`))));
    const outcomes = await collect(gcpParser, [zipped.subarray(0, zipped.length / 2), Buffer.from("not gzip at all")]);
    const last = outcomes.at(-1)!;
    expect(last.kind).toBe("quarantined");
    expect(last.kind === "quarantined" && last.reason).toMatch(/^the file is not readable past this point/);
    expect(last.location.line).toBe(outcomes.length);
    expect(outcomes.slice(0, -1).every((o) => o.kind === "event")).toBe(true);
  });

  it("in a document: keeps the records before a cut, an oversized or a garbled one", async () => {
    const good = JSON.parse(entry({}));
    const big = { ...good, protoPayload: { ...good.protoPayload, padding: "y".repeat(10 * 1024 * 1024) } };
    const array = JSON.stringify([good, big, good], null, 1);
    expect((await collect(gcpParser, array)).map((o) => [o.kind, o.kind === "event" ? null : o.reason, o.location.index])).toEqual([
      ["event", null, 0],
      ["quarantined", "record is larger than 1 MiB; not read", 1],
      ["event", null, 2],
    ]);

    const text = JSON.stringify([good, good], null, 1);
    const at = text.indexOf("projects/p/secrets/s", text.indexOf("projects/p/secrets/s") + 1);
    const garbled = Buffer.concat([Buffer.from(text.slice(0, at)), Buffer.from([0xff]), Buffer.from(text.slice(at))]);
    expect((await collect(gcpParser, garbled)).map((o) => [o.kind, o.kind === "event" ? null : o.reason, o.location.index])).toEqual([
      ["event", null, 0],
      ["quarantined", "record is not valid UTF-8", 1],
    ]);

    const cut = text.slice(0, text.length - 40);
    expect((await collect(gcpParser, cut, "cut.json")).map((o) => [o.kind, o.kind === "event" ? null : o.reason, o.location.index])).toEqual([
      ["event", null, 0],
      ["quarantined", "the file ends in the middle of a record", 1],
    ]);

    const broken = text.replace('"abc",', '"abc" oops,');
    const outcomes = await collect(gcpParser, broken);
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]).toMatchObject({ kind: "quarantined", location: { index: 0, line: 3 } });
    expect(outcomes[0]!.kind === "quarantined" && outcomes[0]!.reason).toMatch(/^not valid JSON from here on \(expected ','\); the rest of the file cannot be read$/);
  });
});
