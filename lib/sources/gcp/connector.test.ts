import { afterEach, describe, expect, it } from "vitest";
import type { GcpClientOptions } from "@/lib/sources/gcp/client";
import { createGcpSecretManagerConnector, gcpSecretManagerConnector } from "@/lib/sources/gcp/connector";
import { gcpSecretManagerConfigSchema, resolveEndpoint, type GcpSecretManagerConfig } from "@/lib/sources/gcp/config";
import { SourceError } from "@/lib/sources/source-error";
import { DEFAULT_TAG_KEYS } from "@/lib/sources/tag-mapping";
import { collect } from "@/lib/sources/testing";
import { GCP_EXPIRED_TOKEN, gcpTestAuthClient, generatedGcpSecrets, startGcpWire, type GcpWireOptions } from "@/test/wire/gcp";
import type { WireServer } from "@/test/wire/wire-server";

let wire: WireServer | undefined;
afterEach(async () => {
  await wire?.close();
  wire = undefined;
});

async function setup(wireOptions: GcpWireOptions = {}, token?: string) {
  wire = await startGcpWire(wireOptions);
  const connector = createGcpSecretManagerConnector({ clientOptions: { authClient: gcpTestAuthClient(token) }, retry: { sleep: async () => undefined } });
  const ctx = (config: Partial<GcpSecretManagerConfig> = {}) => ({
    config: { projects: ["payments-prod", "internal-tools"], apiEndpoint: wire!.url, ...config },
    tagKeys: DEFAULT_TAG_KEYS,
    fetch,
  });
  return { connector, ctx, wire };
}

describe("gcpSecretManagerConnector", () => {
  it("reads metadata with ListSecrets and ListSecretVersions only — never AccessSecretVersion", async () => {
    const { connector, ctx, wire } = await setup();
    const secrets = await collect(connector.listSecrets(ctx()));
    expect(wire.operations()).toEqual(["ListSecretVersions", "ListSecrets"]);
    expect(wire.calls.some((c) => c.operation === "AccessSecretVersion" || c.path.includes(":access"))).toBe(false);
    expect(secrets.map((s) => s.externalId)).toEqual([
      "projects/payments-prod/secrets/stripe-api-key",
      "projects/payments-prod/secrets/ledger-db-password",
      "projects/internal-tools/secrets/slack-bot-token",
    ]);
    const [stripe, ledger, slack] = secrets;
    expect(stripe).toMatchObject({
      name: "stripe-api-key",
      environment: "prod",
      tier: 1,
      lifetime: "static",
      createdAt: new Date("2024-01-10T09:00:00Z"),
      lastRotatedAt: new Date("2025-01-10T09:00:00Z"),
      nextRotationAt: new Date("2025-04-10T09:00:00Z"),
      versionCount: 2,
      owners: { operator: "ana@example.com", approver: "cto@example.com" },
      consumers: ["checkout"],
      place: "GCP Secret Manager payments-prod",
    });
    expect(stripe?.tags).toMatchObject({ env: "prod", "annotation:owner": "ana@example.com", "gcp:rotationPeriod": "90d", "gcp:replication": "automatic", "gcp:topics": "projects/payments-prod/topics/secret-events" });
    expect(ledger).toMatchObject({ environment: "staging", lifetime: "static", versionCount: 1 });
    expect(ledger?.tags).toMatchObject({ "gcp:expireTime": "2026-03-01T12:00:00.000Z", "gcp:replication": "user-managed: us-east1, us-central1" });
    expect(slack).toMatchObject({ lastRotatedAt: null, versionCount: 1, owners: {}, environment: null, place: "GCP Secret Manager internal-tools" });
  });

  it("follows nextPageToken across pages", async () => {
    const { connector, ctx, wire } = await setup({ secrets: generatedGcpSecrets("payments-prod", 7), maxPageSize: 3 });
    const secrets = await collect(connector.listSecrets(ctx({ projects: ["payments-prod"] })));
    expect(secrets.map((s) => s.name)).toEqual(generatedGcpSecrets("payments-prod", 7).map((s) => s.name.split("/").pop()));
    const listCalls = wire.calls.filter((c) => c.operation === "ListSecrets");
    expect(listCalls).toHaveLength(3);
    expect(listCalls[0]?.query).not.toContain("pageToken");
    expect(listCalls[1]?.query).toContain("pageToken=");
  });

  it("lists regional secrets under projects/{p}/locations/{l}", async () => {
    const regional = { name: "projects/payments-prod/locations/us-east1/secrets/eu-key", createTime: "2024-02-02T00:00:00Z", versions: [] };
    const { connector, ctx, wire } = await setup({ secrets: [regional] });
    const secrets = await collect(connector.listSecrets(ctx({ projects: ["payments-prod"], location: "us-east1" })));
    expect(secrets).toMatchObject([{ externalId: regional.name, name: "eu-key", place: "GCP Secret Manager payments-prod (us-east1)", versionCount: 0 }]);
    expect(wire.calls[0]?.path).toBe("/v1/projects/payments-prod/locations/us-east1/secrets");
  });

  it("recovers from throttling and 5xx with retries", async () => {
    const { connector, ctx, wire } = await setup({
      faults: [{ operation: "ListSecrets", status: 429, times: 2 }, { operation: "ListSecretVersions", status: 503 }],
    });
    const secrets = await collect(connector.listSecrets(ctx()));
    expect(secrets).toHaveLength(3);
    expect(wire.calls.map((c) => c.status)).toEqual(expect.arrayContaining([429, 503]));
  });

  it("reports expired or invalid credentials as auth", async () => {
    const { connector, ctx } = await setup({}, GCP_EXPIRED_TOKEN);
    const error = await collect(connector.listSecrets(ctx())).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect(error).toMatchObject({ code: "auth" });
  });

  it("reports missing Application Default Credentials as auth, without an unhandled rejection", async () => {
    wire = await startGcpWire();
    const adcMissing = { getClient: async () => { throw new Error("Could not load the default credentials. Browse to https://cloud.google.com/docs/authentication/getting-started for more information."); } };
    const connector = createGcpSecretManagerConnector({ clientOptions: { auth: adcMissing as unknown as GcpClientOptions["auth"] } });
    const ctx = { config: { projects: ["payments-prod"], apiEndpoint: wire.url }, tagKeys: DEFAULT_TAG_KEYS, fetch };
    await expect(connector.testConnection(ctx)).rejects.toMatchObject({ code: "auth", message: expect.stringContaining("GOOGLE_APPLICATION_CREDENTIALS") });
    await expect(collect(connector.listSecrets(ctx))).rejects.toMatchObject({ code: "auth" });
    expect(wire.calls).toHaveLength(0);
  });

  it("names the missing permission on PERMISSION_DENIED", async () => {
    let { connector, ctx } = await setup({ deniedPermissions: ["secretmanager.secrets.list"] });
    await expect(collect(connector.listSecrets(ctx()))).rejects.toMatchObject({ code: "forbidden", missingPermission: "secretmanager.secrets.list" });
    await wire?.close();
    ({ connector, ctx } = await setup({ deniedPermissions: ["secretmanager.versions.list"] }));
    const error = (await collect(connector.listSecrets(ctx())).catch((e: unknown) => e)) as SourceError;
    expect(error).toMatchObject({ code: "forbidden", missingPermission: "secretmanager.versions.list" });
    expect(error.message).toContain("secretmanager.versions.list");
  });

  it("turns an unreadable body or a nameless secret into malformed", async () => {
    let { connector, ctx } = await setup({ faults: [{ operation: "ListSecrets", status: 200, body: "<html>captive portal</html>" }] });
    await expect(collect(connector.listSecrets(ctx()))).rejects.toMatchObject({ code: "malformed" });
    await wire?.close();
    ({ connector, ctx } = await setup({ faults: [{ operation: "ListSecrets", status: 200, body: { secrets: [{ createTime: "2024-01-01T00:00:00Z" }] } }] }));
    await expect(collect(connector.listSecrets(ctx()))).rejects.toMatchObject({ code: "malformed" });
  });

  it("tests the connection with one small ListSecrets per project", async () => {
    const { connector, ctx, wire } = await setup();
    const result = await connector.testConnection(ctx());
    expect(result.detail).toBe("Listed secret metadata in payments-prod (2 secrets), internal-tools (1 secrets).");
    expect(wire.operations()).toEqual(["ListSecrets"]);
    expect(wire.calls.every((c) => c.query.includes("pageSize=1"))).toBe(true);
  });

  it("offers a custom role with only the list permissions, and warns off secretAccessor", () => {
    const policy = gcpSecretManagerConnector.policy({ projects: ["payments-prod"] });
    expect(policy.format).toBe("yaml");
    const granted = policy.text.split("\n").filter((l) => l.startsWith("- ")).map((l) => l.slice(2));
    expect(granted).toEqual(["secretmanager.secrets.list", "secretmanager.versions.list"]);
    expect(policy.text).not.toContain("versions.access");
    expect(policy.notes).toContain("roles/secretmanager.viewer");
    expect(policy.notes).toMatch(/Do NOT grant roles\/secretmanager\.secretAccessor/);
  });

  it("validates configuration and resolves endpoints", () => {
    expect(gcpSecretManagerConfigSchema.safeParse({ projects: [] }).success).toBe(false);
    expect(gcpSecretManagerConfigSchema.safeParse({ projects: ["Bad_Project"] }).success).toBe(false);
    expect(resolveEndpoint({ projects: ["payments-prod"] })).toEqual({ host: "secretmanager.googleapis.com", port: 443, protocol: "https" });
    expect(resolveEndpoint({ projects: ["payments-prod"], location: "us-east1" }).host).toBe("secretmanager.us-east1.rep.googleapis.com");
    expect(resolveEndpoint({ projects: ["payments-prod"], apiEndpoint: "http://127.0.0.1:8085" })).toEqual({ host: "127.0.0.1", port: 8085, protocol: "http" });
  });
});
