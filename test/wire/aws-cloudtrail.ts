// A local AWS CloudTrail event history for tests and the dev script, speaking LookupEvents over the
// JSON 1.1 protocol as the API reference defines it: POST /, `X-Amz-Target:
// com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents`, application/x-amz-json-1.1,
// epoch-seconds times, newest event first, at most one lookup attribute, MaxResults 1–50 (default 50),
// StartTime/EndTime inclusive, NextToken valid only with the parameters that produced it.
// Events are CloudTrail records; each is packed the way LookupEvents packs it (CloudTrailEvent as a
// JSON string). The region of a call is read from its SigV4 credential scope.
import { createHash } from "node:crypto";
import { AWS_PROD_ACCOUNT, DEMO_PEOPLE } from "@/db/seed/demo-data";
import { createRandom } from "@/db/seed/random";
import { startWireServer, type WireRequest, type WireResponse, type WireServer } from "@/test/wire/wire-server";

/** One CloudTrail record as a trail delivers it; `awsRegion` says which region's history holds it. */
export type CloudTrailRecord = {
  eventVersion: string;
  userIdentity: Record<string, unknown> & { type: string; arn?: string; accessKeyId?: string; userName?: string };
  eventTime: string;
  eventSource: string;
  eventName: string;
  awsRegion: string;
  sourceIPAddress: string;
  userAgent: string;
  requestParameters: Record<string, unknown> | null;
  responseElements: Record<string, unknown> | null;
  errorCode?: string;
  errorMessage?: string;
  requestID: string;
  eventID: string;
  readOnly: boolean;
  resources?: { ARN: string; accountId: string; type: string }[];
  eventType: string;
  managementEvent: boolean;
  recipientAccountId: string;
  eventCategory: string;
};

export type CloudTrailWireFaults = {
  /** The first N calls answer 400 ThrottlingException. */
  throttle?: number;
  /** Calls in these regions answer 400 AccessDeniedException. True: every region. */
  deny?: boolean | string[];
  /** Every call answers 400 ExpiredTokenException. */
  expiredToken?: boolean;
};

export type CloudTrailWireServer = WireServer & {
  /** Mutable: push a record and the next lookup sees it. */
  events: CloudTrailRecord[];
  /** The request bodies of every LookupEvents call, in order, with their region. */
  requests: (LookupBody & { region: string })[];
};

type LookupBody = {
  LookupAttributes?: { AttributeKey?: string; AttributeValue?: string }[];
  StartTime?: number;
  EndTime?: number;
  EventCategory?: string;
  MaxResults?: number;
  NextToken?: string;
};

// The API reference names the target with its namespace; the current JS SDK sends the bare
// service shape name ("CloudTrail_20131101.LookupEvents"). The service answers both.
const TARGET = /^(?:com\.amazonaws\.cloudtrail\.v20131101\.)?CloudTrail_20131101\.(\w+)$/;
const JSON_11 = { "content-type": "application/x-amz-json-1.1" };
const ATTRIBUTE_KEYS = new Set(["EventId", "EventName", "ReadOnly", "Username", "ResourceType", "ResourceName", "EventSource", "AccessKeyId"]);

function fail(operation: string, type: string, message: string, status = 400): WireResponse {
  return { operation, status, headers: JSON_11, body: { __type: type, message } };
}

const seconds = (iso: string) => Date.parse(iso) / 1000;

function usernameOf(record: CloudTrailRecord): string | undefined {
  const identity = record.userIdentity;
  const issuer = (identity.sessionContext as { sessionIssuer?: { userName?: string } } | undefined)?.sessionIssuer;
  if (identity.userName) return identity.userName;
  if (identity.type === "AssumedRole" && identity.arn) return identity.arn.split("/").at(-1);
  return issuer?.userName;
}

/** A record as LookupEvents returns it. */
export function packEvent(record: CloudTrailRecord) {
  return {
    EventId: record.eventID,
    EventName: record.eventName,
    ReadOnly: String(record.readOnly),
    AccessKeyId: record.userIdentity.accessKeyId,
    EventTime: seconds(record.eventTime),
    EventSource: record.eventSource,
    Username: usernameOf(record),
    Resources: (record.resources ?? []).map((r) => ({ ResourceType: r.type, ResourceName: r.ARN })),
    CloudTrailEvent: JSON.stringify(record),
  };
}

function attributeOf(record: CloudTrailRecord, key: string): string[] {
  switch (key) {
    case "EventId": return [record.eventID];
    case "EventName": return [record.eventName];
    case "ReadOnly": return [String(record.readOnly)];
    case "Username": return [usernameOf(record) ?? ""];
    case "EventSource": return [record.eventSource];
    case "AccessKeyId": return [record.userIdentity.accessKeyId ?? ""];
    case "ResourceType": return (record.resources ?? []).map((r) => r.type);
    case "ResourceName": return (record.resources ?? []).map((r) => r.ARN);
    default: return [];
  }
}

const queryKey = (region: string, body: LookupBody) =>
  createHash("sha256").update(JSON.stringify([region, body.LookupAttributes ?? [], body.StartTime ?? null, body.EndTime ?? null, body.EventCategory ?? null])).digest("hex").slice(0, 16);

export async function startCloudTrailWireServer({ events, latencyMs, faults = {} }: { events: CloudTrailRecord[]; latencyMs?: number; faults?: CloudTrailWireFaults }): Promise<CloudTrailWireServer> {
  let calls = 0;
  const requests: CloudTrailWireServer["requests"] = [];

  const handle = (request: WireRequest): WireResponse => {
    const target = String(request.headers["x-amz-target"] ?? "");
    const operation = TARGET.exec(target)?.[1] ?? (target || "unknown");
    const region = /Credential=[^/]+\/\d{8}\/([^/]+)\/cloudtrail\//.exec(String(request.headers.authorization ?? ""))?.[1];
    if (request.method !== "POST" || request.path !== "/") return fail(operation, "UnknownOperationException", "Not found", 404);
    if (!region) return fail(operation, "MissingAuthenticationTokenException", "Missing Authentication Token");
    calls++;
    if (faults.expiredToken) return fail(operation, "com.amazon.coral.service#ExpiredTokenException", "The security token included in the request is expired");
    if (calls <= (faults.throttle ?? 0)) return fail(operation, "ThrottlingException", "Rate exceeded");
    if (faults.deny === true || (Array.isArray(faults.deny) && faults.deny.includes(region))) {
      return fail(operation, "AccessDeniedException", `User: arn:aws:sts::${AWS_PROD_ACCOUNT}:assumed-role/keyledger-reader/worker is not authorized to perform: cloudtrail:${operation} because no identity-based policy allows the cloudtrail:${operation} action`);
    }
    if (operation !== "LookupEvents") return fail(operation, "UnknownOperationException", `Unknown operation ${operation}`);

    let body: LookupBody;
    try {
      body = request.json<LookupBody>();
    } catch {
      return fail(operation, "SerializationException", "Malformed request body");
    }
    requests.push({ ...body, region });
    const max = body.MaxResults ?? 50;
    if (!Number.isInteger(max) || max < 1 || max > 50) return fail(operation, "InvalidMaxResultsException", "Value for MaxResults is invalid: must be between 1 and 50.");
    if (body.StartTime !== undefined && body.EndTime !== undefined && body.StartTime > body.EndTime) return fail(operation, "InvalidTimeRangeException", "Start time must be before end time.");
    const attributes = body.LookupAttributes ?? [];
    if (attributes.length > 1) return fail(operation, "InvalidLookupAttributesException", "You can specify only one lookup attribute.");
    const attribute = attributes[0];
    if (attribute && (!ATTRIBUTE_KEYS.has(attribute.AttributeKey ?? "") || !attribute.AttributeValue)) return fail(operation, "InvalidLookupAttributesException", "Lookup attribute is invalid.");
    if (body.EventCategory !== undefined && body.EventCategory !== "insight") return fail(operation, "InvalidEventCategoryException", "Event category is invalid.");

    let offset = 0;
    const key = queryKey(region, body);
    if (body.NextToken) {
      try {
        const parsed = JSON.parse(Buffer.from(body.NextToken, "base64").toString("utf8")) as { key: string; offset: number };
        if (parsed.key !== key || !Number.isInteger(parsed.offset)) throw new Error("foreign token");
        offset = parsed.offset;
      } catch {
        return fail(operation, "InvalidNextTokenException", "Invalid NextToken. The NextToken must be used with the same parameters as the call that returned it.");
      }
    }
    // Insight events are not modelled: an "insight" lookup finds none.
    const matching = body.EventCategory === "insight" ? [] : events
      .filter((e) => e.awsRegion === region)
      .filter((e) => body.StartTime === undefined || seconds(e.eventTime) >= body.StartTime)
      .filter((e) => body.EndTime === undefined || seconds(e.eventTime) <= body.EndTime)
      .filter((e) => !attribute || attributeOf(e, attribute.AttributeKey!).includes(attribute.AttributeValue!))
      .sort((a, b) => seconds(b.eventTime) - seconds(a.eventTime) || (a.eventID < b.eventID ? -1 : 1));
    const page = matching.slice(offset, offset + max);
    const next = offset + max < matching.length ? Buffer.from(JSON.stringify({ key, offset: offset + max })).toString("base64") : undefined;
    return { operation, headers: JSON_11, body: { Events: page.map(packEvent), ...(next ? { NextToken: next } : {}) } };
  };

  const server = await startWireServer(handle, { latencyMs });
  return { ...server, events, requests };
}

// ——— deterministic sample Secrets Manager events (the people and account of Lumen Pay) ———

const ACTIONS = [
  ["GetSecretValue", 12, true],
  ["DescribeSecret", 4, true],
  ["PutSecretValue", 2, false],
  ["RotateSecret", 1, false],
  ["UpdateSecret", 1, false],
  ["ListSecretVersionIds", 1, true],
] as const;
const SECRET_NAMES = ["prod/payments/stripe-secret-key", "prod/platform/database-admin", "staging/growth/segment-write-key", "prod/data/snowflake-password", "dev/platform/github-app-key"];
const uuid = (hex: string) => `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;

/** The ARN of a sample secret: AWS's 6-character suffix, fixed per (region, name). */
export function secretArn(region: string, name: string): string {
  const suffix = createRandom(createHash("sha256").update(`${region}:${name}`).digest().readUInt32BE(0)).alphanumeric(6);
  return `arn:aws:secretsmanager:${region}:${AWS_PROD_ACCOUNT}:secret:${name}-${suffix}`;
}

export type SampleOptions = { region?: string; /** The first event's time; one event every `stepMs` after it. */ start?: Date; stepMs?: number; secretNames?: string[] };

/** `count` Secrets Manager records of one region, the same on every run; index i is the same whatever the count. */
export function sampleCloudTrailEvents(count: number, options: SampleOptions = {}): CloudTrailRecord[] {
  return Array.from({ length: count }, (_, i) => sampleCloudTrailEvent(i, options));
}

export function sampleCloudTrailEvent(i: number, { region = "us-east-1", start = new Date(Date.UTC(2026, 0, 15)), stepMs = 60_000, secretNames = SECRET_NAMES }: SampleOptions = {}): CloudTrailRecord {
  const seed = createHash("sha256").update(`${region}:${i}`).digest().readUInt32BE(0);
  const rng = createRandom(seed);
  const [eventName, , readOnly] = rng.weighted(ACTIONS.map((a) => [a, a[1]] as const));
  const name = rng.pick(secretNames);
  const arn = secretArn(region, name);
  const person = rng.pick(DEMO_PEOPLE.filter((p) => p.role === "owner" || p.role === "admin"));
  const human = rng.chance(0.3);
  const userIdentity: CloudTrailRecord["userIdentity"] = human
    ? {
        type: "AssumedRole",
        principalId: `AROA${rng.hex(16).toUpperCase()}:${person.key}`,
        arn: `arn:aws:sts::${AWS_PROD_ACCOUNT}:assumed-role/AWSReservedSSO_Admin_${rng.hex(16)}/${person.key}`,
        accountId: AWS_PROD_ACCOUNT,
        accessKeyId: `ASIA${rng.hex(16).toUpperCase()}`,
        sessionContext: { sessionIssuer: { type: "Role", principalId: `AROA${rng.hex(16).toUpperCase()}`, arn: `arn:aws:iam::${AWS_PROD_ACCOUNT}:role/AWSReservedSSO_Admin`, accountId: AWS_PROD_ACCOUNT, userName: "AWSReservedSSO_Admin" }, attributes: { creationDate: start.toISOString(), mfaAuthenticated: "false" } },
      }
    : {
        type: "AssumedRole",
        principalId: `AROA${rng.hex(16).toUpperCase()}:i-${rng.hex(17)}`,
        arn: `arn:aws:sts::${AWS_PROD_ACCOUNT}:assumed-role/payments-api-task/i-${rng.hex(17)}`,
        accountId: AWS_PROD_ACCOUNT,
        accessKeyId: `ASIA${rng.hex(16).toUpperCase()}`,
        sessionContext: { sessionIssuer: { type: "Role", principalId: `AROA${rng.hex(16).toUpperCase()}`, arn: `arn:aws:iam::${AWS_PROD_ACCOUNT}:role/payments-api-task`, accountId: AWS_PROD_ACCOUNT, userName: "payments-api-task" } },
      };
  const denied = rng.chance(0.05);
  const eventID = uuid(createHash("sha256").update(`event:${region}:${i}`).digest("hex"));
  return {
    eventVersion: "1.09",
    userIdentity,
    eventTime: new Date(start.getTime() + i * stepMs).toISOString().replace(/\.\d{3}Z$/, "Z"),
    eventSource: "secretsmanager.amazonaws.com",
    eventName,
    awsRegion: region,
    sourceIPAddress: human ? `203.0.113.${rng.int(1, 254)}` : `10.0.${rng.int(0, 15)}.${rng.int(1, 254)}`,
    userAgent: human ? "aws-cli/2.22.0 md/awscrt#0.23.4 ua/2.1 os/macos#24.1.0" : "aws-sdk-js/3.700.0 ua/2.1 os/linux#6.1 lang/js md/nodejs#22.11.0 api/secrets-manager#3.700.0",
    requestParameters: { secretId: rng.chance(0.5) ? arn : name, ...(eventName === "PutSecretValue" ? { clientRequestToken: uuid(rng.hex(32)) } : {}) },
    responseElements: denied ? null : eventName === "PutSecretValue" || eventName === "RotateSecret" || eventName === "UpdateSecret" ? { arn, versionId: uuid(rng.hex(32)) } : null,
    ...(denied ? { errorCode: "AccessDenied", errorMessage: `User is not authorized to perform: secretsmanager:${eventName}` } : {}),
    requestID: uuid(rng.hex(32)),
    eventID,
    readOnly,
    resources: [{ ARN: arn, accountId: AWS_PROD_ACCOUNT, type: "AWS::SecretsManager::Secret" }],
    eventType: "AwsApiCall",
    managementEvent: true,
    recipientAccountId: AWS_PROD_ACCOUNT,
    eventCategory: "Management",
  };
}
