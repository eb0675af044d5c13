// The local CloudTrail answers LookupEvents the way the API reference says, through the real SDK.
import { CloudTrailClient, LookupEventsCommand, type LookupEventsCommandInput } from "@aws-sdk/client-cloudtrail";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sampleCloudTrailEvents, startCloudTrailWireServer, type CloudTrailWireServer } from "@/test/wire/aws-cloudtrail";

const credentials = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" };
const START = new Date(Date.UTC(2026, 0, 15));
const records = sampleCloudTrailEvents(60, { start: START });
const kms = { ...sampleCloudTrailEvents(1, { start: START })[0]!, eventSource: "kms.amazonaws.com", eventName: "Decrypt", eventID: "kms-1" };
const SM = [{ AttributeKey: "EventSource" as const, AttributeValue: "secretsmanager.amazonaws.com" }];

let server: CloudTrailWireServer;
let client: CloudTrailClient;
const lookup = (input: LookupEventsCommandInput) => client.send(new LookupEventsCommand(input));

beforeAll(async () => {
  server = await startCloudTrailWireServer({ events: [...records, kms] });
  client = new CloudTrailClient({ region: "us-east-1", endpoint: server.url, credentials, maxAttempts: 1 });
});
afterAll(async () => {
  client.destroy();
  await server.close();
});

describe("startCloudTrailWireServer", () => {
  it("pages newest first, 50 at most, with a NextToken tied to the query", async () => {
    const first = await lookup({ LookupAttributes: SM });
    expect(first.Events).toHaveLength(50);
    expect(first.Events![0]!.EventId).toBe(records.at(-1)!.eventID);
    expect(first.Events![0]!.EventTime).toEqual(new Date(records.at(-1)!.eventTime));
    expect(JSON.parse(first.Events![0]!.CloudTrailEvent!)).toEqual(records.at(-1));
    const second = await lookup({ LookupAttributes: SM, NextToken: first.NextToken });
    expect(second.Events).toHaveLength(10);
    expect(second.NextToken).toBeUndefined();
    await expect(lookup({ NextToken: first.NextToken })).rejects.toMatchObject({ name: "InvalidNextTokenException" });
  });

  it("filters by event source and an inclusive time range", async () => {
    const other = await lookup({ LookupAttributes: [{ AttributeKey: "EventSource", AttributeValue: "kms.amazonaws.com" }] });
    expect(other.Events!.map((e) => e.EventId)).toEqual(["kms-1"]);
    const window = await lookup({ LookupAttributes: SM, StartTime: new Date(records[10]!.eventTime), EndTime: new Date(records[19]!.eventTime) });
    expect(window.Events!.map((e) => e.EventId)).toEqual(records.slice(10, 20).reverse().map((r) => r.eventID));
    const elsewhere = new CloudTrailClient({ region: "eu-west-1", endpoint: server.url, credentials, maxAttempts: 1 });
    expect((await elsewhere.send(new LookupEventsCommand({}))).Events).toEqual([]);
    elsewhere.destroy();
  });

  it("refuses what the API refuses", async () => {
    await expect(lookup({ MaxResults: 51 })).rejects.toMatchObject({ name: "InvalidMaxResultsException" });
    await expect(lookup({ StartTime: new Date(2), EndTime: new Date(1) })).rejects.toMatchObject({ name: "InvalidTimeRangeException" });
    await expect(lookup({ LookupAttributes: [...SM, { AttributeKey: "EventName", AttributeValue: "GetSecretValue" }] })).rejects.toMatchObject({ name: "InvalidLookupAttributesException" });
  });

  it("accepts the namespaced X-Amz-Target of the API reference", async () => {
    const response = await fetch(server.url, { method: "POST", headers: { "x-amz-target": "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents", "content-type": "application/x-amz-json-1.1", authorization: "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260115/us-east-1/cloudtrail/aws4_request" }, body: JSON.stringify({ MaxResults: 1 }) });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { Events: unknown[] }).Events).toHaveLength(1);
  });

  it("serves faults", async () => {
    for (const [faults, name] of [[{ deny: true }, "AccessDeniedException"], [{ expiredToken: true }, "ExpiredTokenException"], [{ throttle: 1 }, "ThrottlingException"]] as const) {
      const faulty = await startCloudTrailWireServer({ events: records, faults });
      const c = new CloudTrailClient({ region: "us-east-1", endpoint: faulty.url, credentials, maxAttempts: 1 });
      await expect(c.send(new LookupEventsCommand({}))).rejects.toMatchObject({ name });
      c.destroy();
      await faulty.close();
    }
  });
});
