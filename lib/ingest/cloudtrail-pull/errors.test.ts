import { describe, expect, it } from "vitest";
import { cloudTrailError } from "@/lib/ingest/cloudtrail-pull/errors";
import { SourceError } from "@/lib/sources/source-error";

const sdk = (name: string, status = 400, message = "said so") => Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status, attempts: 1 } });

describe("cloudTrailError", () => {
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
