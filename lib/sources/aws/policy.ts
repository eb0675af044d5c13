// The least-privilege IAM policy for the identity the Keyledger worker runs as: exactly the
// actions the connector calls, nothing that returns a value.
import type { AwsConfig } from "@/lib/sources/aws/config";
import type { LeastPrivilegePolicy } from "@/lib/sources/types";

/** The ARN partition of a region (aws, aws-cn, aws-us-gov …). */
export function partitionOf(region: string): string {
  if (region.startsWith("cn-")) return "aws-cn";
  if (region.startsWith("us-gov-")) return "aws-us-gov";
  if (region.startsWith("us-isob-")) return "aws-iso-b";
  if (region.startsWith("us-iso-")) return "aws-iso";
  if (region.startsWith("eusc-")) return "aws-eusc";
  return "aws";
}

export function awsPolicy(config: AwsConfig): LeastPrivilegePolicy {
  const document = {
    Version: "2012-10-17",
    Statement: [
      {
        // ListSecrets has no resource type in the IAM service authorization reference: "*" is required.
        Sid: "KeyledgerListSecretMetadata",
        Effect: "Allow",
        Action: "secretsmanager:ListSecrets",
        Resource: "*",
      },
      {
        Sid: "KeyledgerCountSecretVersions",
        Effect: "Allow",
        Action: "secretsmanager:ListSecretVersionIds",
        Resource: config.regions.map((region) => `arn:${partitionOf(region)}:secretsmanager:${region}:*:secret:*`),
      },
      {
        // The scheduled pull of CloudTrail event history (who accessed which secret); no resource type either.
        Sid: "KeyledgerLookupSecretsManagerEvents",
        Effect: "Allow",
        Action: "cloudtrail:LookupEvents",
        Resource: "*",
      },
    ],
  };
  return {
    title: `IAM policy for Keyledger (AWS Secrets Manager, ${config.regions.join(", ")})`,
    format: "json",
    text: JSON.stringify(document, null, 2),
    notes: [
      "Attach it to the role or user the Keyledger worker's AWS credentials belong to (environment, profile, SSO or instance role).",
      "ListSecrets returns metadata only — names, tags, dates, rotation settings, version labels — and supports no resource-level permission, so its resource is \"*\".",
      "ListSecretVersionIds is called only for a secret that ListSecrets reports without any version, to count its versions; it returns version ids and labels, never a value.",
      "secretsmanager:GetSecretValue and secretsmanager:BatchGetSecretValue are deliberately absent: Keyledger never reads a secret value.",
      "secretsmanager:DescribeSecret is not needed: ListSecrets already returns every field Keyledger reads.",
      "No KMS permission (kms:Decrypt) is needed: metadata is not encrypted with the secret's KMS key.",
      "cloudtrail:LookupEvents lets Keyledger pull the last 90 days of Secrets Manager events (who read or changed which secret) every 15 minutes; drop it to ship logs yourself instead.",
    ].join("\n"),
  };
}
