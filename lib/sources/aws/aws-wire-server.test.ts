// The local Secrets Manager double, driven by the official SDK: every operation it implements
// parses, pages and fails the way the SDK expects — so the connector tests test the real protocol.
import {
  BatchGetSecretValueCommand, DescribeSecretCommand, GetSecretValueCommand, ListSecretsCommand, ListSecretVersionIdsCommand, SecretsManagerClient,
} from "@aws-sdk/client-secrets-manager";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sampleAwsSecrets, startAwsWireServer, type AwsWireServer } from "@/test/wire/aws-secrets-manager";

let server: AwsWireServer;
let client: SecretsManagerClient;
beforeAll(async () => {
  server = await startAwsWireServer({ secrets: [...sampleAwsSecrets(120, "us-east-1"), ...sampleAwsSecrets(10, "eu-west-1")] });
  client = new SecretsManagerClient({ region: "us-east-1", endpoint: server.url, credentials: { accessKeyId: "AKIDTEST", secretAccessKey: "test" }, maxAttempts: 1 });
});
afterAll(async () => {
  client.destroy();
  await server.close();
});

describe("AWS Secrets Manager wire double", () => {
  it("pages ListSecrets with NextToken and MaxResults, in the signing region only", async () => {
    const first = await client.send(new ListSecretsCommand({ MaxResults: 50 }));
    expect(first.SecretList).toHaveLength(50);
    expect(first.SecretList?.[0]?.CreatedDate).toBeInstanceOf(Date);
    const rest = await client.send(new ListSecretsCommand({ MaxResults: 100, NextToken: first.NextToken }));
    expect(rest.SecretList).toHaveLength(70);
    expect(rest.NextToken).toBeUndefined();
    await expect(client.send(new ListSecretsCommand({ NextToken: "bm9wZQ==" }))).rejects.toMatchObject({ name: "InvalidNextTokenException" });
  });

  it("filters by name prefix and tag key, with negation", async () => {
    const prod = await client.send(new ListSecretsCommand({ Filters: [{ Key: "name", Values: ["prod/"] }] }));
    expect(prod.SecretList!.length).toBeGreaterThan(0);
    expect(prod.SecretList!.every((s) => s.Name!.startsWith("prod/"))).toBe(true);
    const unowned = await client.send(new ListSecretsCommand({ Filters: [{ Key: "tag-key", Values: ["!owner"] }, { Key: "tag-key", Values: ["!operator"] }] }));
    expect(unowned.SecretList!.every((s) => !s.Tags!.some((t) => t.Key === "owner" || t.Key === "operator"))).toBe(true);
  });

  it("describes a secret and lists its versions, deprecated ones on request", async () => {
    const rotated = server.secrets.find((s) => s.region === "us-east-1" && s.versions.some((v) => v.VersionStages.length === 0))!;
    const described = await client.send(new DescribeSecretCommand({ SecretId: rotated.Name }));
    expect(described).toMatchObject({ ARN: rotated.ARN, Name: rotated.Name, CreatedDate: rotated.CreatedDate });
    expect(Object.keys(described.VersionIdsToStages!)).toHaveLength(2);
    const labelled = await client.send(new ListSecretVersionIdsCommand({ SecretId: rotated.ARN }));
    const all = await client.send(new ListSecretVersionIdsCommand({ SecretId: rotated.ARN, IncludeDeprecated: true }));
    expect([labelled.Versions?.length, all.Versions?.length]).toEqual([2, 3]);
    await expect(client.send(new DescribeSecretCommand({ SecretId: "prod/nope" }))).rejects.toMatchObject({ name: "ResourceNotFoundException" });
  });

  it("records GetSecretValue and BatchGetSecretValue — and holds no value to return", async () => {
    const [secret] = server.secrets;
    const got = await client.send(new GetSecretValueCommand({ SecretId: secret!.ARN }));
    expect(got.SecretString).toBeUndefined();
    expect(got.SecretBinary).toBeUndefined();
    const batch = await client.send(new BatchGetSecretValueCommand({ SecretIdList: [secret!.ARN] }));
    expect(batch.SecretValues?.[0]?.SecretString).toBeUndefined();
    expect(server.operations()).toContain("GetSecretValue");
    expect(server.operations()).toContain("BatchGetSecretValue");
  });

  it("samples the same metadata on every run, with unique names per region", () => {
    const a = sampleAwsSecrets(300);
    expect(sampleAwsSecrets(300)).toEqual(a);
    expect(sampleAwsSecrets(10)).toEqual(a.slice(0, 10));
    expect(new Set(a.map((s) => s.Name)).size).toBe(300);
    expect(a[0]!.Name).toMatch(/^(prod|staging|dev)\/[a-z-]+\/[a-z0-9-]+$/);
    expect(a.flatMap((s) => s.Tags ?? []).filter((t) => t.Key === "owner" && t.Value !== "unknown").every((t) => t.Value.endsWith("@lumenpay.example"))).toBe(true);
  });
});
