import { afterEach, describe, expect, it } from "vitest";
import { azureKeyVaultConfigSchema } from "@/lib/sources/azure/config";
import { azureKeyVaultConnector, createAzureKeyVaultConnector } from "@/lib/sources/azure/connector";
import { SourceError } from "@/lib/sources/source-error";
import { DEFAULT_TAG_KEYS } from "@/lib/sources/tag-mapping";
import { collect } from "@/lib/sources/testing";
import { AZURE_EXPIRED_TOKEN, azureTestCredential, generatedAzureSecrets, startAzureWire, type AzureWire, type AzureWireOptions } from "@/test/wire/azure";

let wire: AzureWire | undefined;
afterEach(async () => {
  await wire?.close();
  wire = undefined;
});

async function setup(wireOptions: AzureWireOptions = {}, credential = azureTestCredential()) {
  wire = await startAzureWire(wireOptions);
  const connector = createAzureKeyVaultConnector({
    credential,
    clientOptions: { agent: wire.agent, retryOptions: { maxRetries: 3, retryDelayInMs: 1, maxRetryDelayInMs: 5 } },
  });
  const ctx = { config: { vaultUrl: wire.vaultUrl }, tagKeys: DEFAULT_TAG_KEYS, fetch };
  return { connector, ctx, wire };
}

describe("azureKeyVaultConnector", () => {
  it("answers the bearer challenge, then reads Get Secrets and Get Secret Versions only — never Get Secret", async () => {
    const { connector, ctx, wire } = await setup();
    const secrets = await collect(connector.listSecrets(ctx));
    expect(wire.operations()).toEqual(["BearerChallenge", "GetSecretVersions", "GetSecrets"]);
    expect(wire.calls.filter((c) => c.operation === "BearerChallenge")).toHaveLength(1);
    expect(wire.calls.some((c) => c.operation === "GetSecret")).toBe(false);
    expect(secrets.map((s) => s.name)).toEqual(["stripe-api-key", "payments-tls", "legacy-webhook"]);
    const [stripe, tlsCert, legacy] = secrets;
    expect(stripe).toMatchObject({
      externalId: `${wire.vaultUrl}/secrets/stripe-api-key`,
      kind: null,
      environment: "prod",
      tier: 1,
      lifetime: "static",
      createdAt: new Date("2024-01-05T10:00:00Z"),
      updatedAt: new Date("2024-12-01T10:00:00Z"),
      lastRotatedAt: new Date("2024-07-05T10:00:00Z"),
      versionCount: 3,
      owners: { operator: "ana@example.com" },
      consumers: ["checkout"],
      place: `Azure Key Vault ${new URL(wire.vaultUrl).host}`,
    });
    expect(stripe?.tags).toMatchObject({ owner: "ana@example.com", "azure:expires": "2026-01-05T10:00:00.000Z", "azure:contentType": "text/plain" });
    expect(tlsCert).toMatchObject({ kind: "certificate", versionCount: 1 });
    expect(tlsCert?.tags).toMatchObject({ "azure:managed": "true", "azure:contentType": "application/x-pkcs12" });
    expect(legacy).toMatchObject({ lastRotatedAt: null, owners: {}, environment: null });
    expect(legacy?.tags["azure:enabled"]).toBe("false");
  });

  it("follows nextLink across pages", async () => {
    const { connector, ctx, wire } = await setup({ secrets: generatedAzureSecrets(7), maxPageSize: 3 });
    const secrets = await collect(connector.listSecrets(ctx));
    expect(secrets.map((s) => s.name)).toEqual(generatedAzureSecrets(7).map((s) => s.name));
    const pages = wire.calls.filter((c) => c.operation === "GetSecrets");
    expect(pages).toHaveLength(3);
    expect(pages[2]?.query).toContain("$skiptoken=6");
  });

  it("recovers from throttling (Retry-After) and 5xx", async () => {
    const { connector, ctx, wire } = await setup({
      faults: [
        { operation: "GetSecrets", status: 429, times: 2, headers: { "retry-after": "0" } },
        { operation: "GetSecretVersions", status: 503, headers: { "retry-after": "0" } },
        { operation: "GetSecretVersions", status: 500 },
      ],
    });
    const secrets = await collect(connector.listSecrets(ctx));
    expect(secrets).toHaveLength(3);
    expect(wire.calls.map((c) => c.status)).toEqual(expect.arrayContaining([429, 503, 500]));
  });

  it("reports a rejected token and an unusable identity as auth", async () => {
    let { connector, ctx } = await setup({}, azureTestCredential(AZURE_EXPIRED_TOKEN));
    const rejected = await collect(connector.listSecrets(ctx)).catch((e: unknown) => e);
    expect(rejected).toBeInstanceOf(SourceError);
    expect(rejected).toMatchObject({ code: "auth" });
    await wire?.close();
    ({ connector, ctx } = await setup({}, azureTestCredential(undefined, true)));
    await expect(connector.testConnection(ctx)).rejects.toMatchObject({ code: "auth", message: expect.stringContaining("CredentialUnavailableError") });
  });

  it("names the readMetadata data action on 403", async () => {
    const { connector, ctx } = await setup({ forbidden: true });
    const error = (await collect(connector.listSecrets(ctx)).catch((e: unknown) => e)) as SourceError;
    expect(error).toMatchObject({ code: "forbidden", missingPermission: "Microsoft.KeyVault/vaults/secrets/readMetadata/action" });
    expect(error.message).toContain('"List" secret permission');
  });

  it("turns an unreadable or misshapen body into malformed", async () => {
    let { connector, ctx } = await setup({ faults: [{ operation: "GetSecrets", status: 200, body: "<html>captive portal</html>" }] });
    await expect(collect(connector.listSecrets(ctx))).rejects.toMatchObject({ code: "malformed" });
    await wire?.close();
    ({ connector, ctx } = await setup({ faults: [{ operation: "GetSecrets", status: 200, body: { value: "not-a-list" } }] }));
    await expect(collect(connector.listSecrets(ctx))).rejects.toMatchObject({ code: "malformed" });
  });

  it("tests the connection with one page of one secret", async () => {
    const { connector, ctx, wire } = await setup();
    expect(await connector.testConnection(ctx)).toEqual({ detail: `Listed secret metadata in the vault ${new URL(wire.vaultUrl).host}.` });
    expect(wire.operations()).toEqual(["BearerChallenge", "GetSecrets"]);
    expect(wire.calls.at(-1)?.query).toContain("maxresults=1");
  });

  it("offers a custom role with only readMetadata, and the access-policy alternative", () => {
    const policy = azureKeyVaultConnector.policy({ vaultUrl: "https://payments-kv.vault.azure.net" });
    const role = JSON.parse(policy.text) as { DataActions: string[]; Actions: string[] };
    expect(role.DataActions).toEqual(["Microsoft.KeyVault/vaults/secrets/readMetadata/action"]);
    expect(role.Actions).toEqual([]);
    expect(policy.notes).toContain("--secret-permissions list");
    expect(policy.notes).toContain("Key Vault Reader");
    expect(policy.notes).toMatch(/Do NOT assign "Key Vault Secrets User"/);
    expect(policy.notes).toContain("vaults/payments-kv");
  });

  it("accepts only an https vault URL", () => {
    expect(azureKeyVaultConfigSchema.safeParse({ vaultUrl: "http://payments-kv.vault.azure.net" }).success).toBe(false);
    expect(azureKeyVaultConfigSchema.parse({ vaultUrl: "https://payments-kv.vault.azure.net/" }).vaultUrl).toBe("https://payments-kv.vault.azure.net");
  });
});
