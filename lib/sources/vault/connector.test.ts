import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { DEFAULT_TAG_KEYS } from "@/lib/sources/tag-mapping";
import { collect, failure } from "@/lib/sources/testing";
import type { SecretMetadata } from "@/lib/sources/types";
import { vaultConfigSchema } from "@/lib/sources/vault/config";
import { vaultConnector } from "@/lib/sources/vault/connector";
import { CURRENT_VERSION_TAG } from "@/lib/sources/vault/map-secret";
import { sampleVaultSecrets, startVaultWireServer, vaultFaults, VAULT_WIRE_APPROLE, VAULT_WIRE_KUBERNETES, VAULT_WIRE_TOKEN, type VaultWireOptions } from "@/test/wire/vault";
import type { WireServer } from "@/test/wire/wire-server";

let server: WireServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  vi.unstubAllEnvs();
});
beforeEach(() => {
  vi.stubEnv("KEYLEDGER_CREDENTIAL_ENV", "VAULT_TOKEN,VAULT_ROLE_ID,VAULT_SECRET_ID,KL_ROLE_ID");
  vi.stubEnv("VAULT_TOKEN", VAULT_WIRE_TOKEN);
});

async function start(options: Partial<VaultWireOptions> = {}) {
  server = await startVaultWireServer({ secrets: sampleVaultSecrets(24), ...options });
  return server;
}

function context(config: Record<string, unknown> = {}, fetchImpl: typeof fetch = fetch) {
  return { config: vaultConfigSchema.parse({ address: server?.url, mount: "kv", ...config }), tagKeys: DEFAULT_TAG_KEYS, fetch: fetchImpl };
}

function list(config: Record<string, unknown> = {}, fetchImpl?: typeof fetch): Promise<SecretMetadata[]> {
  return collect(vaultConnector.listSecrets(context(config, fetchImpl)));
}

describe("vault connector", () => {
  it("walks nested folders with LIST and READ on metadata/ only — never data/", async () => {
    const wire = await start();
    const secrets = await list();
    expect(wire.operations()).toEqual(["list-metadata", "read-metadata"]);
    expect(wire.calls.some((c) => c.path.includes("/data/") && !c.path.includes("/metadata/"))).toBe(false);
    expect(secrets.map((s) => s.name).sort()).toEqual(sampleVaultSecrets(24).map((s) => s.path).sort());
    expect(secrets.map((s) => s.name)).toEqual(expect.arrayContaining(["payments/stripe-webhook", "platform/ci/deploy-key", "data/warehouse/snowflake-admin", "platform/ci/batch-1/deploy-key"]));
    expect(wire.calls.filter((c) => c.operation === "read-metadata")).toHaveLength(24);
  });

  it("maps metadata, versions and custom_metadata to the registry's fields", async () => {
    await start();
    const secret = (await list()).find((s) => s.name === "payments/stripe-webhook");
    const sample = sampleVaultSecrets(1)[0];
    expect(secret).toMatchObject({
      externalId: "kv/payments/stripe-webhook",
      environment: "prod",
      tier: 1,
      owners: { operator: "priya@lumenpay.example", approver: "maya@lumenpay.example" },
      consumers: ["payments-api"],
      lifetime: "static",
      versionCount: 1,
      tags: sample?.customMetadata,
    });
    expect(secret?.place).toMatch(/^Vault KV kv\/ at 127\.0\.0\.1:\d+$/);
    expect(secret?.lastRotatedAt?.toISOString()).toBe("2024-01-15T09:30:00.123Z");
  });

  it("counts live versions, dates the rotation from the current version, and keeps deleted secrets tagged", async () => {
    await start({
      secrets: [
        { mount: "kv", path: "app/rotated", versions: [{ createdTime: "2024-01-01T00:00:00Z", destroyed: true }, { createdTime: "2024-02-01T00:00:00Z" }, { createdTime: "2024-03-01T00:00:00Z" }] },
        { mount: "kv", path: "app/retired", versions: [{ createdTime: "2024-01-01T00:00:00Z" }, { createdTime: "2024-02-01T00:00:00Z", deletionTime: "2024-02-02T00:00:00Z" }] },
        { mount: "kv", path: "app/expiring", versions: [{ createdTime: "2024-01-01T00:00:00Z", deletionTime: "2999-01-01T00:00:00Z" }] },
      ],
    });
    const byName = Object.fromEntries((await list()).map((s) => [s.name, s]));
    expect(byName["app/rotated"]).toMatchObject({ versionCount: 2, lastRotatedAt: new Date("2024-03-01T00:00:00Z"), createdAt: new Date("2024-01-01T00:00:00Z") });
    expect(byName["app/rotated"]?.tags).not.toHaveProperty(CURRENT_VERSION_TAG);
    expect(byName["app/retired"]?.tags[CURRENT_VERSION_TAG]).toBe("deleted");
    expect(byName["app/expiring"]?.tags).not.toHaveProperty(CURRENT_VERSION_TAG);
  });

  it("limits the walk to pathPrefix", async () => {
    const wire = await start();
    const secrets = await list({ pathPrefix: "/platform/" });
    expect(secrets.length).toBeGreaterThan(0);
    expect(secrets.every((s) => s.name.startsWith("platform/"))).toBe(true);
    expect(wire.calls.every((c) => c.operation !== "list-metadata" || c.path.startsWith("/v1/kv/metadata/platform/"))).toBe(true);
  });

  it("reads metadata with bounded concurrency", async () => {
    await start({ latencyMs: 15 });
    let inFlight = 0;
    let peak = 0;
    const counting: typeof fetch = async (...args) => {
      peak = Math.max(peak, ++inFlight);
      try {
        return await fetch(...args);
      } finally {
        inFlight--;
      }
    };
    expect(await list({ concurrency: 3 }, counting)).toHaveLength(24);
    expect(peak).toBeLessThanOrEqual(3);
    expect(peak).toBeGreaterThan(1);
  });

  it("sends X-Vault-Namespace; without it the namespace's token is refused", async () => {
    await start({ namespace: "lumenpay/eng" });
    expect(await list({ namespace: "lumenpay/eng/" })).toHaveLength(24);
    const error = await failure(list());
    expect(error.code).toBe("auth");
  });

  it("logs in with AppRole from environment variables, then reads metadata", async () => {
    vi.stubEnv("VAULT_TOKEN", "");
    vi.stubEnv("KL_ROLE_ID", VAULT_WIRE_APPROLE.roleId);
    vi.stubEnv("VAULT_SECRET_ID", VAULT_WIRE_APPROLE.secretId);
    const wire = await start();
    expect(await list({ auth: "approle", roleIdEnv: "KL_ROLE_ID" })).toHaveLength(24);
    expect(wire.operations()).toEqual(["list-metadata", "login-approle", "read-metadata"]);
    expect(wire.calls.find((c) => c.operation === "login-approle")?.path).toBe("/v1/auth/approle/login");
  });

  it("reports a refused AppRole login as an auth error", async () => {
    vi.stubEnv("VAULT_ROLE_ID", VAULT_WIRE_APPROLE.roleId);
    vi.stubEnv("VAULT_SECRET_ID", "not-the-wire-secret-id");
    await start();
    const error = await failure(list({ auth: "approle" }));
    expect(error.code).toBe("auth");
    expect(error.message).toContain("invalid role or secret ID");
  });

  it("logs in with the Kubernetes service-account token file", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "kl-vault-"));
    try {
      await writeFile(path.join(dir, "token"), `${VAULT_WIRE_KUBERNETES.jwt}\n`);
      vi.stubEnv("KEYLEDGER_CREDENTIAL_DIR", dir);
      const wire = await start();
      expect(await list({ auth: "kubernetes", role: VAULT_WIRE_KUBERNETES.role, jwtFile: path.join(dir, "token"), k8sMount: "kubernetes" })).toHaveLength(24);
      expect(wire.operations()).toEqual(["list-metadata", "login-kubernetes", "read-metadata"]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("needs a role for Kubernetes auth", () => {
    expect(vaultConfigSchema.safeParse({ address: "https://vault.internal", auth: "kubernetes" }).success).toBe(false);
  });

  it("turns a 403 on a folder into forbidden, naming the path and the grant", async () => {
    await start({ faults: [vaultFaults.denied("kv/metadata/platform")] });
    const error = await failure(list());
    expect(error.code).toBe("forbidden");
    expect(error.missingPermission).toBe("list,read on kv/metadata/*");
    expect(error.message).toContain("LIST kv/metadata/platform/");
  });

  it("recognises an expired or revoked token, even behind a bare 'permission denied'", async () => {
    vi.stubEnv("VAULT_TOKEN", "wire-token-that-expired");
    const wire = await start();
    const error = await failure(list());
    expect(error.code).toBe("auth");
    expect(wire.operations()).toEqual(["list-metadata", "lookup-self"]);
    expect(error.message).not.toContain("wire-token-that-expired");
  });

  it("reads Vault's 'invalid token' wording as auth without a second call", async () => {
    const wire = await start({ faults: [{ status: 403, body: { errors: ["2 errors occurred:\n\t* permission denied\n\t* invalid token\n\n"] } }] });
    expect((await failure(list())).code).toBe("auth");
    expect(wire.calls).toHaveLength(1);
  });

  it("fails fast and clearly when Vault is sealed", async () => {
    const wire = await start({ faults: [vaultFaults.sealed()] });
    const error = await failure(list());
    expect(error.code).toBe("unavailable");
    expect(error.message).toContain("Vault is sealed");
    expect(wire.calls).toHaveLength(1);
  });

  it("recovers from throttling and 5xx", async () => {
    const wire = await start({ faults: [vaultFaults.throttled(2), vaultFaults.serverError(2)] });
    expect(await list()).toHaveLength(24);
    expect(wire.calls.filter((c) => c.status === 429)).toHaveLength(2);
    expect(wire.calls.filter((c) => c.status === 500)).toHaveLength(2);
  });

  it("rejects a body that is not JSON, or not the documented shape, as malformed", async () => {
    await start({ faults: [vaultFaults.malformed("list-metadata")] });
    expect((await failure(list())).code).toBe("malformed");
    await server?.close();
    await start({ faults: [{ operation: "read-metadata", status: 200, body: { data: { current_version: "three" } } }] });
    const error = await failure(list());
    expect(error.code).toBe("malformed");
    expect(error.message).toContain("data.current_version");
  });

  it("tests the connection with lookup-self and a LIST, showing policies but never the token", async () => {
    const wire = await start();
    const { detail } = await vaultConnector.testConnection(context());
    expect(detail).toContain("Listed 5 entries"); // auth/ data/ growth/ payments/ platform/
    expect(detail).toContain("keyledger-metadata");
    expect(detail).not.toContain(VAULT_WIRE_TOKEN);
    expect(wire.operations()).toEqual(["list-metadata", "lookup-self"]);
  });

  it("writes a policy that grants list/read on metadata/ and nothing on data/ but deny", () => {
    const policy = vaultConnector.policy(vaultConfigSchema.parse({ address: "https://vault.internal", mount: "kv", pathPrefix: "payments" }));
    expect(policy.format).toBe("hcl");
    expect(policy.text).toContain('path "kv/metadata/payments/*" {\n  capabilities = ["list", "read"]\n}');
    const dataStanzas = [...policy.text.matchAll(/path "kv\/data[^"]*" \{\s*capabilities = \[([^\]]*)\]/g)].map((m) => m[1]);
    expect(dataStanzas).toEqual(['"deny"']);
    expect(policy.text).not.toMatch(/"(create|update|delete|patch|sudo)"/);
  });
});
