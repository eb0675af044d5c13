import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { cloudTrailParser } from "@/lib/ingest/cloudtrail/parser";
import { deliveryFile, eventsOf, FIXTURES, parse, parseChunks, records } from "@/lib/ingest/cloudtrail/test-helpers";
import type { ParseOutcome } from "@/lib/ingest/types";

const ACCOUNT = "123456789012";
const withoutLocation = (out: ParseOutcome[]) => out.map(({ location: _location, ...rest }) => rest);

describe("cloudTrailParser on real-shaped Secrets Manager records", () => {
  it("gives every record an outcome, by record index, and one event per secret of a batch read", async () => {
    const out = await parse(deliveryFile);
    expect(out.map((o) => [o.location.index, o.kind])).toEqual([
      [0, "event"], [1, "event"], [2, "skipped"], [3, "event"], [4, "event"], [5, "event"], [6, "event"], [7, "event"], [7, "event"], [8, "event"], [9, "skipped"], [10, "skipped"],
    ]);
    expect(out.every((o) => o.location.file === "trail.json" && o.location.line !== undefined)).toBe(true);
    expect(out.flatMap((o) => (o.kind === "skipped" ? [o.reason] : []))).toEqual(["not Secrets Manager (kms.amazonaws.com)", "not about a secret: GetRandomPassword", "not Secrets Manager (sts.amazonaws.com)"]);
  });

  it("maps CreateSecret by the root user, named by the request", async () => {
    const [first] = eventsOf(await parse(deliveryFile));
    expect(first).toEqual({
      occurredAt: "2018-04-03T17:50:55.000Z",
      sourceKind: "cloudtrail",
      action: "create",
      rawAction: "CreateSecret",
      result: "success",
      errorCode: null,
      actor: `arn:aws:iam::${ACCOUNT}:root`,
      actorType: "root",
      authSource: "root",
      sourceIp: null,
      userAgent: null,
      secretRef: "MyDatabaseSecret",
      rawId: "EXAMPLE3-90ab-cdef-fedc-ba987EXAMPLE",
    });
  });

  it("maps a rotation done by the service itself, and prefers a full ARN the record carries", async () => {
    const events = eventsOf(await parse(deliveryFile));
    expect(events[1]).toMatchObject({ action: "delete", secretRef: `arn:aws:secretsmanager:us-west-2:${ACCOUNT}:secret:MyDatabaseSecret-a1b2c3` });
    expect(events[2]).toEqual({
      occurredAt: "2021-08-13T19:17:16.000Z",
      sourceKind: "cloudtrail",
      action: "rotate",
      rawAction: "RotationSucceeded",
      result: "success",
      errorCode: null,
      actor: "secretsmanager.amazonaws.com",
      actorType: "service",
      authSource: "aws-service",
      sourceIp: null,
      userAgent: "secretsmanager.amazonaws.com",
      secretRef: `arn:aws:secretsmanager:us-west-2:${ACCOUNT}:secret:Appuser-pyodbc-WoDpmU`,
      rawId: "638c6d2d-e098-4100-a3e0-a4b7b87e5b92",
    });
  });

  it("maps a denied read by a workload role to the role, and an Identity Center session to the person", async () => {
    const events = eventsOf(await parse(deliveryFile));
    expect(events[3]).toEqual({
      occurredAt: "2026-11-20T09:15:02.000Z",
      sourceKind: "cloudtrail",
      action: "read",
      rawAction: "GetSecretValue",
      result: "failure",
      errorCode: "AccessDeniedException",
      actor: `arn:aws:iam::${ACCOUNT}:role/service/payments-api`,
      actorType: "workload",
      authSource: "assumed-role",
      sourceIp: "203.0.113.10",
      userAgent: "aws-sdk-go-v2/1.30.3 os/linux lang/go#1.22.5 api/secretsmanager#1.32.3",
      secretRef: "prod/payments/stripe-webhook",
      rawId: "9d8c7b6a-5f4e-4d3c-9b2a-1f0e9d8c7b6a",
    });
    expect(events[4]).toMatchObject({ actor: `arn:aws:sts::${ACCOUNT}:assumed-role/AWSReservedSSO_AdministratorAccess_0123456789abcdef/alice@example.com`, actorType: "human", authSource: "identity-center" });
  });

  it("splits a batch read that names its secrets, and keeps one read with no secret for a filtered batch", async () => {
    const events = eventsOf(await parse(deliveryFile));
    expect(events.slice(5, 8).map((e) => [e.rawAction, e.secretRef, e.rawId])).toEqual([
      ["BatchGetSecretValue", null, "3c4d5e6f-7081-4293-a4b5-c6d7e8f90a1b"],
      ["BatchGetSecretValue", "prod/payments/stripe-webhook", "5e6f7081-92a3-44b5-c6d7-e8f90a1b2c3d#0"],
      ["BatchGetSecretValue", "prod/db/postgres-admin", "5e6f7081-92a3-44b5-c6d7-e8f90a1b2c3d#1"],
    ]);
    expect(events[8]).toMatchObject({ action: "list", rawAction: "ListSecrets", secretRef: null, actorType: "unknown", authSource: "iam-user" });
  });

  it("reads the nested event of `aws cloudtrail lookup-events` output", async () => {
    const out = await parse(readFileSync(path.join(FIXTURES, "lookup-events.json")));
    expect(out).toEqual([
      {
        kind: "event",
        location: { file: "trail.json", line: 3, index: 0 },
        event: {
          occurredAt: "2018-04-30T16:49:54.000Z",
          sourceKind: "cloudtrail",
          action: "create",
          rawAction: "CreateSecret",
          result: "success",
          errorCode: null,
          actor: `arn:aws:iam::${ACCOUNT}:user/Administrator`,
          actorType: "unknown",
          authSource: "iam-user",
          sourceIp: "192.168.100.101",
          userAgent: "<useragent string>",
          secretRef: "MyTestSecret",
          rawId: "EXAMPLE4-90ab-cdef-fedc-ba987EXAMPLE",
        },
      },
    ]);
  });
});

describe("cloudTrailParser input shapes, detected from the content", () => {
  const lines = records.map((r) => JSON.stringify(r)).join("\n");
  const shapes: Record<string, string | Uint8Array> = {
    "gzip delivery file": gzipSync(deliveryFile),
    "pretty delivery file": JSON.stringify({ Records: records }, null, 2),
    "JSON array of events": JSON.stringify(records, null, 2),
    "events printed one after another (jq .Records[])": records.map((r) => JSON.stringify(r, null, 2)).join("\n"),
    "lookup-events output": JSON.stringify({ Events: records.map((r) => ({ EventId: r.eventID, EventName: r.eventName, CloudTrailEvent: JSON.stringify(r) })), NextToken: "abc" }, null, 4),
    "one event per line": lines,
    "one event per line, gzip, CRLF": gzipSync(`${lines.replaceAll("\n", "\r\n")}\r\n`),
    "with a byte-order mark": `\uFEFF${deliveryFile.toString("utf8")}`,
  };

  it.each(Object.entries(shapes))("%s gives the same outcomes as the delivery file", async (_name, input) => {
    expect(withoutLocation(await parse(input))).toEqual(withoutLocation(await parse(deliveryFile)));
  });

  it("locates JSON lines by line number", async () => {
    const out = await parse(lines);
    expect(out.map((o) => o.location.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 8, 9, 10, 11]);
  });

  it("counts records on across several delivery files in one stream, and in one chunk per byte", async () => {
    const twice = `${deliveryFile.toString("utf8")}\n${deliveryFile.toString("utf8")}\n`;
    const out = await parseChunks([...new TextEncoder().encode(twice)].map((byte) => new Uint8Array([byte])));
    expect(out).toHaveLength(24);
    expect(out.at(-1)?.location.index).toBe(21);
  });

  it("reads a delivery record per line when later lines hold whole delivery files", async () => {
    const out = await parse(`${JSON.stringify(records[0])}\n${JSON.stringify({ Records: records.slice(0, 2) })}\n{"Records":[]}`);
    expect(out.map((o) => [o.kind, o.location.line, o.location.index])).toEqual([
      ["event", 1, undefined], ["event", 2, 0], ["event", 2, 1], ["skipped", 3, undefined],
    ]);
  });

  it("streams a long delivery file record by record", async () => {
    const count = 5_000;
    const chunks = (async function* () {
      yield new TextEncoder().encode('{"Records":[');
      for (let i = 0; i < count; i++) yield new TextEncoder().encode(`${i ? "," : ""}${JSON.stringify({ ...records[3], eventID: `e-${i}` })}`);
      yield new TextEncoder().encode("]}");
    })();
    let events = 0;
    let last = -1;
    for await (const outcome of cloudTrailParser.parse({ stream: chunks, file: "big.json" })) {
      if (outcome.kind === "event") events++;
      last = outcome.location.index ?? -1;
    }
    expect([events, last]).toEqual([count, count - 1]);
  });

  it("gives an empty file no outcome", async () => {
    expect(await parse("")).toEqual([]);
    expect(await parse('{"Records":[]}')).toEqual([]);
  });
});
