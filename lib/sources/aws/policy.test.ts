import { describe, expect, it } from "vitest";
import { awsConfigSchema } from "@/lib/sources/aws/config";
import { awsSecretsManagerConnector } from "@/lib/sources/aws/connector";

const config = (regions: unknown) => awsConfigSchema.parse({ regions });

describe("AWS least-privilege policy", () => {
  it("grants only the metadata actions Keyledger calls (the connector, and the CloudTrail event-history pull)", () => {
    const policy = awsSecretsManagerConnector.policy(config("us-east-1, eu-west-1"));
    expect(policy.format).toBe("json");
    expect(JSON.parse(policy.text)).toEqual({
      Version: "2012-10-17",
      Statement: [
        { Sid: "KeyledgerListSecretMetadata", Effect: "Allow", Action: "secretsmanager:ListSecrets", Resource: "*" },
        {
          Sid: "KeyledgerCountSecretVersions",
          Effect: "Allow",
          Action: "secretsmanager:ListSecretVersionIds",
          Resource: ["arn:aws:secretsmanager:us-east-1:*:secret:*", "arn:aws:secretsmanager:eu-west-1:*:secret:*"],
        },
        { Sid: "KeyledgerLookupSecretsManagerEvents", Effect: "Allow", Action: "cloudtrail:LookupEvents", Resource: "*" },
      ],
    });
    expect(policy.text).not.toMatch(/GetSecretValue|kms:|secretsmanager:\*/);
    expect(policy.notes).toMatch(/GetSecretValue .*deliberately absent/);
    expect(policy.notes).toMatch(/No KMS permission/);
  });

  it("uses the partition of each region", () => {
    const { text } = awsSecretsManagerConnector.policy(config(["cn-north-1", "us-gov-west-1"]));
    expect(JSON.parse(text).Statement[1].Resource).toEqual(["arn:aws-cn:secretsmanager:cn-north-1:*:secret:*", "arn:aws-us-gov:secretsmanager:us-gov-west-1:*:secret:*"]);
  });
});

describe("AWS source configuration", () => {
  it("takes regions as a comma-separated string or a list", () => {
    expect(config(" us-east-1,EU-WEST-1 , us-east-1").regions).toEqual(["us-east-1", "eu-west-1"]);
    expect(config(["ap-southeast-2", "us-iso-east-1", "eusc-de-east-1"]).regions).toEqual(["ap-southeast-2", "us-iso-east-1", "eusc-de-east-1"]);
  });

  it("refuses what is not a region, no region, a bad endpoint — and credentials are no field", () => {
    expect(awsConfigSchema.safeParse({ regions: "useast1" }).success).toBe(false);
    expect(awsConfigSchema.safeParse({ regions: " , " }).success).toBe(false);
    expect(awsConfigSchema.safeParse({ regions: "us-east-1", endpoint: "ftp://x" }).success).toBe(false);
    expect(awsConfigSchema.parse({ regions: "us-east-1", endpoint: "http://localhost:4566", accessKeyId: "AKIDTEST" })).toEqual({ regions: ["us-east-1"], endpoint: "http://localhost:4566" });
  });
});
