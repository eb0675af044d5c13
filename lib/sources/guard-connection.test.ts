import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { awsSecretsManagerConnector } from "@/lib/sources/aws/connector";
import { guardConnection, guardedFetch } from "@/lib/sources/guard-connection";
import { connectSource } from "@/lib/sources/registry";
import type { Lookup } from "@/lib/sources/store-address";
import { DEFAULT_TAG_KEYS } from "@/lib/sources/tag-mapping";
import { collect, failure } from "@/lib/sources/testing";
import { vaultConfigSchema } from "@/lib/sources/vault/config";
import { vaultConnector } from "@/lib/sources/vault/connector";
import { sampleVaultSecrets, startVaultWireServer, VAULT_WIRE_TOKEN } from "@/test/wire/vault";
import type { WireServer } from "@/test/wire/wire-server";

let wire: WireServer | undefined;
beforeEach(() => {
  vi.stubEnv("KEYLEDGER_CREDENTIAL_ENV", "STORE_VAULT_TOKEN");
  vi.stubEnv("STORE_VAULT_TOKEN", VAULT_WIRE_TOKEN);
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await wire?.close();
  wire = undefined;
});

/** A fetch that records what would have been sent, and sends nothing. */
function recordingFetch() {
  const sent: { url: string; headers: Record<string, string> }[] = [];
  const fetchImpl = (async (input: string | URL | Request, init?: RequestInit) => {
    sent.push({ url: String(input), headers: Object.fromEntries(new Headers(init?.headers).entries()) });
    return Response.json({ data: { keys: [] } });
  }) as typeof fetch;
  return { sent, fetchImpl };
}

const stored = (config: Record<string, unknown>) => ({ kind: "vault" as const, config, tagKeys: null });
const connect = (config: Record<string, unknown>, fetchImpl: typeof fetch) => connectSource(stored(config), { fetch: fetchImpl, signal: AbortSignal.timeout(5_000) });

describe("a source is checked again when it is used", () => {
  it("refuses a variable that was allowed when the source was saved but no longer is", async () => {
    const { sent, fetchImpl } = recordingFetch();
    const config = { address: "http://127.0.0.1:1", mount: "kv", tokenEnv: "STORE_VAULT_TOKEN" };
    expect(() => connect(config, fetchImpl)).not.toThrow();
    vi.stubEnv("KEYLEDGER_CREDENTIAL_ENV", "");
    let error: unknown;
    try {
      connect(config, fetchImpl);
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: "config", message: expect.stringContaining("tokenEnv — STORE_VAULT_TOKEN is not in KEYLEDGER_CREDENTIAL_ENV") });
    expect(sent).toEqual([]);
  });

  it("refuses a link-local address once KEYLEDGER_ALLOW_LINK_LOCAL is off, before any request", () => {
    vi.stubEnv("KEYLEDGER_ALLOW_LINK_LOCAL", "on");
    const config = { address: "http://169.254.169.254:8200", mount: "kv", tokenEnv: "STORE_VAULT_TOKEN" };
    expect(() => connect(config, recordingFetch().fetchImpl)).not.toThrow();
    vi.stubEnv("KEYLEDGER_ALLOW_LINK_LOCAL", "off");
    expect(() => connect(config, recordingFetch().fetchImpl)).toThrow(/address — 169\.254\.169\.254 is a link-local or cloud-metadata address/);
  });
});

describe("nothing is sent to an address that fails the checks", () => {
  const toMetadata: Lookup = async (host) => (host === "vault.example" || host === "aws.example" ? [{ address: "169.254.169.254", family: 4 }] : [{ address: "127.0.0.1", family: 4 }]);

  it("Test connection and sync stop before the token leaves when the store's name resolves to a metadata address", async () => {
    const { sent, fetchImpl } = recordingFetch();
    const config = vaultConfigSchema.parse({ address: "http://vault.example:8200", mount: "kv", tokenEnv: "STORE_VAULT_TOKEN" });
    const { connector, ctx } = guardConnection(vaultConnector, { config, tagKeys: DEFAULT_TAG_KEYS, fetch: fetchImpl }, [config.address], { allowLinkLocal: false }, toMetadata);
    expect((await failure(connector.testConnection(ctx))).message).toContain("vault.example resolves to 169.254.169.254, a link-local or cloud-metadata address");
    expect((await failure(collect(connector.listSecrets(ctx)))).code).toBe("config");
    expect(sent).toEqual([]);
  });

  it("checks every request, not only the configured address", async () => {
    const { sent, fetchImpl } = recordingFetch();
    const guarded = guardedFetch(fetchImpl, { allowLinkLocal: false }, toMetadata);
    await expect(guarded("http://[::ffff:169.254.169.254]/latest/meta-data/", { headers: { authorization: "Bearer t" } })).rejects.toMatchObject({ code: "config" });
    await expect(guarded("http://vault.example/v1/sys/health")).rejects.toMatchObject({ code: "config" });
    await guarded("http://127.0.0.1:8200/v1/kv/metadata/?list=true", { headers: { "x-vault-token": "t" } });
    expect(sent.map((s) => s.url)).toEqual(["http://127.0.0.1:8200/v1/kv/metadata/?list=true"]);
  });

  it("holds for SDK connectors too: the AWS endpoint is checked before the SDK signs anything", async () => {
    const config = { regions: ["us-east-1"], endpoint: "http://aws.example:4566" };
    const { connector, ctx } = guardConnection(awsSecretsManagerConnector, { config, tagKeys: DEFAULT_TAG_KEYS, fetch }, [config.endpoint], { allowLinkLocal: false }, toMetadata);
    expect((await failure(connector.testConnection(ctx))).message).toContain("aws.example resolves to 169.254.169.254");
  });

  it("still connects to a store on loopback through the real resolver", async () => {
    wire = await startVaultWireServer({ secrets: sampleVaultSecrets(3) });
    const address = wire.url.replace("127.0.0.1", "localhost");
    const { connector, ctx } = connect({ address, mount: "kv", tokenEnv: "STORE_VAULT_TOKEN" }, fetch);
    expect(await collect(connector.listSecrets(ctx))).toHaveLength(3);
  });
});
