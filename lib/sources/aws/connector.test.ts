// The AWS connector against a local Secrets Manager speaking the real JSON 1.1 protocol, driven
// by the official SDK. Every test checks which operations were called: metadata only.
import { afterEach, describe, expect, it } from "vitest";
import { awsConfigSchema } from "@/lib/sources/aws/config";
import { createAwsSecretsManagerConnector, type AwsConnectorOptions } from "@/lib/sources/aws/connector";
import { SourceError } from "@/lib/sources/source-error";
import { DEFAULT_TAG_KEYS, type TagKeys } from "@/lib/sources/tag-mapping";
import type { SecretMetadata } from "@/lib/sources/types";
import { sampleAwsSecrets, startAwsWireServer, type AwsWireFaults, type AwsWireSecret, type AwsWireServer } from "@/test/wire/aws-secrets-manager";

const credentials = { accessKeyId: "AKIDTEST", secretAccessKey: "test" };
const servers: AwsWireServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function start(secrets: AwsWireSecret[], faults?: AwsWireFaults) {
  const server = await startAwsWireServer({ secrets, faults });
  servers.push(server);
  return server;
}

function run(server: AwsWireServer, { regions = "us-east-1", tagKeys = DEFAULT_TAG_KEYS, ...options }: AwsConnectorOptions & { regions?: string; tagKeys?: TagKeys } = {}) {
  const connector = createAwsSecretsManagerConnector({ credentials, ...options });
  const ctx = { config: awsConfigSchema.parse({ regions, endpoint: server.url, accountLabel: "production" }), tagKeys, fetch };
  return {
    list: async () => {
      const out: SecretMetadata[] = [];
      for await (const secret of connector.listSecrets(ctx)) out.push(secret);
      return out;
    },
    test: () => connector.testConnection(ctx),
  };
}

const count = (server: AwsWireServer, operation: string) => server.calls.filter((c) => c.operation === operation).length;
const neverReadValues = (server: AwsWireServer) => {
  expect(count(server, "GetSecretValue")).toBe(0);
  expect(count(server, "BatchGetSecretValue")).toBe(0);
};

const DAY = 86_400_000;
const stripeKey: AwsWireSecret = {
  region: "us-east-1",
  ARN: "arn:aws:secretsmanager:us-east-1:418273645091:secret:prod/payments/stripe-secret-key-Xq3b9T",
  Name: "prod/payments/stripe-secret-key",
  Description: "Stripe live key for charges, refunds and payouts",
  RotationEnabled: true,
  RotationLambdaARN: "arn:aws:lambda:us-east-1:418273645091:function:rotate-stripe",
  RotationRules: { AutomaticallyAfterDays: 30 },
  CreatedDate: new Date("2024-03-02T10:15:00Z"),
  LastChangedDate: new Date("2026-01-02T04:00:07Z"),
  LastRotatedDate: new Date("2026-01-02T04:00:00Z"),
  LastAccessedDate: new Date("2026-01-14T00:00:00Z"),
  NextRotationDate: new Date("2026-02-01T04:00:00Z"),
  Tags: [
    { Key: "Owner", Value: "aisha@lumenpay.example" },
    { Key: "env", Value: "production" },
    { Key: "tier", Value: "tier-1" },
    { Key: "service", Value: "payments-api ledger-worker" },
    { Key: "provider", Value: "Stripe" },
    { Key: "kind", Value: "api key" },
  ],
  versions: [
    { VersionId: "a1b2c3d4-0000-4000-a000-000000000001", VersionStages: ["AWSCURRENT"], CreatedDate: new Date("2026-01-02T04:00:00Z") },
    { VersionId: "a1b2c3d4-0000-4000-a000-000000000002", VersionStages: ["AWSPREVIOUS"], CreatedDate: new Date(Date.parse("2026-01-02T04:00:00Z") - 30 * DAY) },
    { VersionId: "a1b2c3d4-0000-4000-a000-000000000003", VersionStages: [], CreatedDate: new Date(Date.parse("2026-01-02T04:00:00Z") - 60 * DAY) },
  ],
};

describe("AWS Secrets Manager connector", () => {
  it("lists every secret of two regions across pages exactly once, with metadata operations only", async () => {
    const secrets = [...sampleAwsSecrets(250, "us-east-1"), ...sampleAwsSecrets(130, "eu-west-1")];
    const server = await start(secrets);
    const listed = await run(server, { regions: "us-east-1,eu-west-1" }).list();

    expect(listed).toHaveLength(380);
    expect(new Set(listed.map((s) => s.externalId))).toEqual(new Set(secrets.map((s) => s.ARN)));
    // ListSecrets carries everything but the versions of a secret created without a value (i % 50 === 7).
    expect(server.operations()).toEqual(["ListSecretVersionIds", "ListSecrets"]);
    expect(count(server, "ListSecrets")).toBe(3 + 2);
    expect(count(server, "ListSecretVersionIds")).toBe(5 + 3);
    expect(count(server, "DescribeSecret")).toBe(0);
    neverReadValues(server);
    expect(listed.filter((s) => s.place === "AWS Secrets Manager eu-west-1 (production)")).toHaveLength(130);
    expect(listed.filter((s) => s.versionCount === 0)).toHaveLength(8);
  });

  it("maps ListSecrets metadata and tags into the registry's fields", async () => {
    const server = await start([stripeKey]);
    const [secret] = await run(server).list();
    expect(secret).toEqual({
      externalId: stripeKey.ARN,
      name: "prod/payments/stripe-secret-key",
      description: "Stripe live key for charges, refunds and payouts",
      owners: { operator: "aisha@lumenpay.example" },
      environment: "prod",
      tier: 1,
      consumers: ["payments-api", "ledger-worker"],
      kind: "api_key",
      privilege: null,
      provider: "stripe",
      lifetime: "static",
      ttlSeconds: null,
      createdAt: stripeKey.CreatedDate,
      updatedAt: stripeKey.LastChangedDate,
      lastRotatedAt: stripeKey.LastRotatedDate,
      lastAccessedAt: stripeKey.LastAccessedDate,
      nextRotationAt: stripeKey.NextRotationDate,
      versionCount: 2, // labelled versions; the deprecated one is on its way out
      tags: { Owner: "aisha@lumenpay.example", env: "production", tier: "tier-1", service: "payments-api ledger-worker", provider: "Stripe", kind: "api key" },
      place: "AWS Secrets Manager us-east-1 (production)",
    });
    expect(server.operations()).toEqual(["ListSecrets"]);
  });

  it("uses the source's tag keys, and the owning service or partner type as provider", async () => {
    const rds: AwsWireSecret = { ...stripeKey, ARN: `${stripeKey.ARN}-rds`, Name: "rds!db-5f0c", OwningService: "rds", Tags: [{ Key: "rotates", Value: "diego@lumenpay.example" }] };
    const datadog: AwsWireSecret = { ...stripeKey, ARN: `${stripeKey.ARN}-dd`, Name: "prod/platform/datadog-api-key", Type: "DatadogApiKey", Tags: [] };
    const plain: AwsWireSecret = { ...stripeKey, ARN: `${stripeKey.ARN}-x`, Name: "dev/misc/thing", Tags: [{ Key: "owner", Value: "unknown" }] };
    const server = await start([rds, datadog, plain]);
    const listed = await run(server, { tagKeys: { ...DEFAULT_TAG_KEYS, operator: ["rotates"] } }).list();
    const byName = Object.fromEntries(listed.map((s) => [s.name, s]));
    expect(byName["rds!db-5f0c"]).toMatchObject({ provider: "aws-rds", owners: { operator: "diego@lumenpay.example" } });
    expect(byName["prod/platform/datadog-api-key"]).toMatchObject({ provider: "datadog", owners: {} });
    expect(byName["dev/misc/thing"]).toMatchObject({ provider: null, owners: {}, environment: null, tier: null });
  });

  it("leaves out secrets scheduled for deletion", async () => {
    const server = await start([stripeKey, { ...stripeKey, ARN: `${stripeKey.ARN}-old`, DeletedDate: new Date("2026-01-10T00:00:00Z") }]);
    expect((await run(server).list()).map((s) => s.externalId)).toEqual([stripeKey.ARN]);
  });

  it("recovers from throttling and 5xx through the SDK's retries", async () => {
    const throttled = await start(sampleAwsSecrets(120), { throttle: 2 });
    expect(await run(throttled).list()).toHaveLength(120);
    expect(throttled.calls.filter((c) => c.status === 400)).toHaveLength(2);

    const flaky = await start(sampleAwsSecrets(120), { serverErrors: 2 });
    expect(await run(flaky).list()).toHaveLength(120);
    expect(flaky.calls.filter((c) => c.status === 500)).toHaveLength(2);
    neverReadValues(flaky);
  }, 20_000);

  it("gives up as throttled or unavailable when retries run out", async () => {
    const throttled = await start(sampleAwsSecrets(5), { throttle: 100 });
    await expect(run(throttled, { maxAttempts: 2 }).list()).rejects.toMatchObject({ code: "throttled" });
    expect(count(throttled, "ListSecrets")).toBe(2);

    const down = await start(sampleAwsSecrets(5), { serverErrors: 100 });
    await expect(run(down, { maxAttempts: 2 }).list()).rejects.toMatchObject({ code: "unavailable" });
  }, 20_000);

  it("reports expired or missing credentials as auth errors that say to refresh them", async () => {
    const expired = await start(sampleAwsSecrets(5), { expiredToken: true });
    const error = await run(expired).list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect(error).toMatchObject({ code: "auth", message: expect.stringMatching(/ExpiredTokenException.*Refresh the AWS credentials/) });
    expect(count(expired, "ListSecrets")).toBe(1); // not retried

    const empty = await start(sampleAwsSecrets(5));
    const noCredentials = async () => {
      throw Object.assign(new Error("Could not load credentials from any providers"), { name: "CredentialsProviderError" });
    };
    await expect(run(empty, { credentials: noCredentials }).list()).rejects.toMatchObject({ code: "auth", message: expect.stringMatching(/Refresh/) });
    expect(empty.calls).toHaveLength(0);
  });

  it("names the missing permission on AccessDeniedException", async () => {
    const denied = await start(sampleAwsSecrets(5), { deny: ["ListSecrets"] });
    await expect(run(denied).list()).rejects.toMatchObject({
      code: "forbidden",
      missingPermission: "secretsmanager:ListSecrets",
      message: expect.stringContaining("Grant secretsmanager:ListSecrets"),
    });

    const versionsDenied = await start(sampleAwsSecrets(10), { deny: ["ListSecretVersionIds"] });
    await expect(run(versionsDenied).list()).rejects.toMatchObject({ code: "forbidden", missingPermission: "secretsmanager:ListSecretVersionIds" });
  });

  it("fails with malformed — never a partial success — on a response it cannot parse", async () => {
    const cases: AwsWireFaults["malformed"][] = [
      { operation: "ListSecrets", call: 2 }, // cut-off JSON on the second page
      { operation: "ListSecrets", body: '{"SecretList": "none"}' },
      { operation: "ListSecrets", body: '{"SecretList": [{"Name": "prod/x"}]}' }, // no ARN
      { operation: "ListSecretVersionIds", body: '{"Versions": 3}' },
    ];
    for (const malformed of cases) {
      const server = await start(sampleAwsSecrets(150), { malformed });
      const error = await run(server).list().catch((e: unknown) => e);
      expect(error, JSON.stringify(malformed)).toBeInstanceOf(SourceError);
      expect((error as SourceError).code).toBe("malformed");
      neverReadValues(server);
    }
  });

  it("tests the connection with one ListSecrets per region", async () => {
    const server = await start([...sampleAwsSecrets(3, "us-east-1"), ...sampleAwsSecrets(3, "eu-west-1")]);
    await expect(run(server, { regions: "us-east-1, eu-west-1" }).test()).resolves.toEqual({ detail: "Listed secrets in us-east-1, eu-west-1" });
    expect(server.operations()).toEqual(["ListSecrets"]);
    expect(server.calls).toHaveLength(2);

    const denied = await start([], { deny: ["ListSecrets"] });
    await expect(run(denied).test()).rejects.toMatchObject({ code: "forbidden", missingPermission: "secretsmanager:ListSecrets" });
  });
});
