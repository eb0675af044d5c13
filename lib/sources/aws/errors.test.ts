import { describe, expect, it } from "vitest";
import { toSourceError } from "@/lib/sources/aws/errors";

const site = { operation: "ListSecrets", region: "us-east-9" };
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
