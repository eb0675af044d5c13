import { describe, expect, it } from "vitest";
import { outcomesOf } from "@/lib/ingest/cloudtrail/map-event";
import type { NormalizedEvent } from "@/lib/ingest/types";

const base = {
  eventTime: "2026-11-20T09:15:02Z",
  eventSource: "secretsmanager.amazonaws.com",
  eventName: "GetSecretValue",
  eventID: "ev-1",
  userIdentity: { type: "IAMUser", arn: "arn:aws:iam::111122223333:user/ci", accountId: "111122223333", userName: "ci" },
  sourceIPAddress: "192.0.2.1",
  userAgent: "aws-cli/2.22.4",
  requestParameters: { secretId: "prod/db" },
};
const one = (overrides: Record<string, unknown>): NormalizedEvent => {
  const [outcome] = outcomesOf({ ...base, ...overrides });
  if (outcome?.kind !== "event") throw new Error(`expected an event, got ${JSON.stringify(outcome)}`);
  return outcome.event;
};

describe("outcomesOf", () => {
  it("maps every Secrets Manager event name to the action vocabulary", () => {
    const expected: Record<string, string> = {
      GetSecretValue: "read", BatchGetSecretValue: "read", PutSecretValue: "update", UpdateSecret: "update", RotateSecret: "rotate",
      CancelRotateSecret: "update", CreateSecret: "create", DeleteSecret: "delete", RestoreSecret: "restore", RotationStarted: "rotate",
      RotationSucceeded: "rotate", RotationFailed: "rotate", RotationAbandoned: "rotate", TagResource: "tag_change", UntagResource: "tag_change",
      PutResourcePolicy: "policy_change", DeleteResourcePolicy: "policy_change", ValidateResourcePolicy: "describe", DescribeSecret: "describe",
      ListSecrets: "list", ListSecretVersionIds: "list", GetResourcePolicy: "describe", UpdateSecretVersionStage: "update",
      ReplicateSecretToRegions: "update", RemoveRegionsFromReplication: "update", StopReplicationToReplica: "update",
      StartSecretVersionDelete: "delete", CancelSecretVersionDelete: "restore", EndSecretVersionDelete: "delete", SomethingAwsAddsLater: "other",
    };
    for (const [eventName, action] of Object.entries(expected)) expect([eventName, one({ eventName }).action]).toEqual([eventName, action]);
    expect(outcomesOf({ ...base, eventName: "GetRandomPassword" })).toEqual([{ kind: "skipped", reason: "not about a secret: GetRandomPassword" }]);
  });

  it("reads failure from errorCode, errorMessage, or the name of a failed service event", () => {
    expect(one({ errorCode: "ResourceNotFoundException", errorMessage: "Secrets Manager can't find the specified secret." })).toMatchObject({ result: "failure", errorCode: "ResourceNotFoundException" });
    expect(one({ errorMessage: "something went wrong" })).toMatchObject({ result: "failure", errorCode: "Error" });
    expect(one({ eventName: "RotationFailed", userIdentity: { accountId: "111122223333", invokedBy: "secretsmanager.amazonaws.com" } })).toMatchObject({ result: "failure", errorCode: "RotationFailed", actorType: "service" });
    expect(one({})).toMatchObject({ result: "success", errorCode: null });
  });

  it("keeps an IP, drops a service name in sourceIPAddress", () => {
    expect(one({ sourceIPAddress: "2001:db8::1" }).sourceIp).toBe("2001:db8::1");
    expect(one({ sourceIPAddress: "AWS Internal" }).sourceIp).toBeNull();
    expect(one({ sourceIPAddress: "secretsmanager.amazonaws.com" }).sourceIp).toBeNull();
  });

  it("names the secret by the most specific reference the record gives", () => {
    const arn = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/db-AbCdEf";
    expect(one({ resources: [{ type: "AWS::SecretsManager::Secret", ARN: arn }] }).secretRef).toBe(arn);
    expect(one({ responseElements: { arn } }).secretRef).toBe(arn);
    expect(one({ eventName: "CreateSecret", requestParameters: { name: "prod/new" } }).secretRef).toBe("prod/new");
    expect(one({ eventName: "RotationStarted", requestParameters: null, serviceEventDetails: { secretId: arn } }).secretRef).toBe(arn);
    expect(one({ eventName: "ListSecrets", requestParameters: { maxResults: 10 } }).secretRef).toBeNull();
  });

  it("unwraps an EventBridge envelope and a lookup-events entry", () => {
    expect(outcomesOf({ "detail-type": "AWS API Call via CloudTrail", source: "aws.secretsmanager", detail: base })).toMatchObject([{ kind: "event", event: { rawId: "ev-1" } }]);
    expect(outcomesOf({ EventId: "ev-1", CloudTrailEvent: JSON.stringify(base) })).toMatchObject([{ kind: "event", event: { rawId: "ev-1" } }]);
  });

  it("skips what is not an access: other services, Insights, digests", () => {
    expect(outcomesOf({ ...base, eventSource: "kms.amazonaws.com" })).toEqual([{ kind: "skipped", reason: "not Secrets Manager (kms.amazonaws.com)" }]);
    expect(outcomesOf({ ...base, eventType: "AwsCloudTrailInsight" })).toEqual([{ kind: "skipped", reason: "CloudTrail Insights event, not an access" }]);
    expect(outcomesOf({ awsAccountId: "111122223333", digestStartTime: "2026-11-20T09:00:00Z" })).toEqual([{ kind: "skipped", reason: "CloudTrail digest, not an event" }]);
  });
});
