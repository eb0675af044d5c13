// Where the AWS Secrets Manager source lives: regions, an optional endpoint override (LocalStack,
// VPC endpoints, tests) and a label for the account. Credentials are not configuration: they come
// from the standard AWS SDK chain of the Keyledger worker (env, profile, SSO, IMDS/ECS role).
import { z } from "zod";
import { storeAddress } from "@/lib/sources/store-address";

// us-east-1, eu-central-2, us-gov-west-1, cn-northwest-1, us-iso-east-1, eusc-de-east-1 …
// New regions keep appearing, so the shape is checked, not a fixed list.
const REGION = /^[a-z]{2,4}(-[a-z]+){1,3}-\d{1,2}$/;

const region = z.string().regex(REGION, "must be an AWS region name such as us-east-1");

const regions = z
  .union([z.string(), z.array(z.string())])
  .transform((value) => {
    const items = Array.isArray(value) ? value : value.split(",");
    return [...new Set(items.map((r) => r.trim().toLowerCase()).filter(Boolean))];
  })
  .pipe(z.array(region).min(1, "name at least one region"));

export const awsConfigSchema = z.object({
  regions,
  endpoint: storeAddress().optional(),
  accountLabel: z.string().trim().min(1).max(80).optional(),
});

export type AwsConfig = z.output<typeof awsConfigSchema>;

/** "AWS Secrets Manager us-east-1 (production)" — where a secret lives, in words. */
export function placeOf(config: AwsConfig, region: string): string {
  return `AWS Secrets Manager ${region}${config.accountLabel ? ` (${config.accountLabel})` : ""}`;
}
