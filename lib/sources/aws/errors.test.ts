import { describe, expect, it } from "vitest";
import { toSourceError } from "@/lib/sources/aws/errors";
import { SourceError } from "@/lib/sources/source-error";

const site = { service: "secretsmanager", operation: "ListSecrets", region: "us-east-9" } as const;
const sdkError = (name: string, status?: number, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error(`${name} happened`), { name, $metadata: { httpStatusCode: status, attempts: 5 }, ...extra });

describe("AWS errors → SourceError", () => {
  it.each([
    [sdkError("AccessDeniedException", 400), "forbidden"],
    [sdkError("SomethingElse", 403), "forbidden"],
    [sdkError("ExpiredTokenException", 400), "auth"],
    [sdkError("UnrecognizedClientException", 400), "auth"],
    [sdkError("InvalidSignatureException", 400), "auth"],
    [sdkError("CredentialsProviderError"), "auth"],
    [sdkError("ThrottlingException", 400), "throttled"],
    [sdkError("InternalServiceError", 500), "unavailable"],
    [sdkError("SyntaxError", 200, { message: "Unexpected end\n  Deserialization error: to see the raw response…" }), "malformed"],
    [sdkError("Error", undefined, { code: "ENOTFOUND" }), "config"],
    [sdkError("Error", undefined, { code: "ECONNREFUSED" }), "unavailable"],
  ])("%s → %s", (error, code) => {
    expect(toSourceError(error, site)).toMatchObject({ code });
  });

  it("says which permission is missing and which region has a credential problem", () => {
    expect(toSourceError(sdkError("AccessDeniedException", 400), site)).toMatchObject({ missingPermission: "secretsmanager:ListSecrets" });
    expect(toSourceError(sdkError("UnrecognizedClientException", 400), site).message).toMatch(/us-east-9 is enabled/);
    expect(toSourceError(sdkError("ThrottlingException", 400), site).message).toMatch(/after 5 attempts/);
  });

  it("lets a cancellation through unchanged", () => {
    const abort = Object.assign(new Error("aborted"), { name: "AbortError" });
    expect(toSourceError(abort, site)).toBe(abort);
  });
});

const sdk = (name: string, status = 400, message = "said so") => Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status, attempts: 1 } });

describe("CloudTrail errors → SourceError (the access-log pull)", () => {
  const cloudTrailError = (error: unknown, region: string) => toSourceError(error, { service: "cloudtrail", operation: "LookupEvents", region });
  it.each([
    ["AccessDeniedException", "forbidden"],
    ["ExpiredTokenException", "auth"],
    ["UnrecognizedClientException", "auth"],
    ["CredentialsProviderError", "auth"],
    ["ThrottlingException", "throttled"],
    ["InvalidTimeRangeException", "config"],
    ["InvalidNextTokenException", "malformed"],
    ["InternalFailure", "unavailable"],
  ])("%s → %s", (name, code) => {
    const error = cloudTrailError(sdk(name), "us-east-1");
    expect(error).toBeInstanceOf(SourceError);
    expect(error).toMatchObject({ code });
    expect(error.message).toContain("AWS CloudTrail (us-east-1)");
  });

  it("names the permission to grant when access is denied", () => {
    const error = cloudTrailError(sdk("AccessDeniedException"), "eu-west-1") as SourceError;
    expect(error.missingPermission).toBe("cloudtrail:LookupEvents");
    expect(error.message).toContain("Grant cloudtrail:LookupEvents");
  });

  it("keeps a SourceError and an abort as they are", () => {
    const source = new SourceError("config", "bad");
    const abort = Object.assign(new Error("aborted"), { name: "AbortError" });
    expect(cloudTrailError(source, "us-east-1")).toBe(source);
    expect(cloudTrailError(abort, "us-east-1")).toBe(abort);
  });
});
