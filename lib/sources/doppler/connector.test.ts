import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { dopplerConnector } from "@/lib/sources/doppler/connector";
import { dopplerConfigSchema } from "@/lib/sources/doppler/config";
import { DEFAULT_TAG_KEYS } from "@/lib/sources/tag-mapping";
import { collect, failure } from "@/lib/sources/testing";
import type { SecretMetadata } from "@/lib/sources/types";
import { buildDopplerSample, DOPPLER_VALUE_SENTINEL, startDopplerWire, type DopplerWireOptions } from "@/test/wire/doppler";
import type { WireServer } from "@/test/wire/wire-server";

const VALUE_OPERATIONS = ["ListSecretsWithValues", "GetSecretValue", "DownloadSecrets"];
let wire: WireServer;

async function start(options: DopplerWireOptions = {}) {
  wire = await startDopplerWire(options);
  return wire;
}

function ctx(config: Record<string, unknown> = {}) {
  return { config: dopplerConfigSchema.parse({ apiUrl: wire.url, ...config }), tagKeys: DEFAULT_TAG_KEYS, fetch: globalThis.fetch };
}

function list(config: Record<string, unknown> = {}): Promise<SecretMetadata[]> {
  return collect(dopplerConnector.listSecrets(ctx(config)));
}

beforeEach(() => {
  vi.stubEnv("KEYLEDGER_CREDENTIAL_ENV", "DOPPLER_TOKEN");
  vi.stubEnv("DOPPLER_TOKEN", "test-only-doppler-token");
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await wire?.close();
});

describe("dopplerConnector.listSecrets", () => {
  it("lists names for every project and config through the names endpoint only", async () => {
    await start();
    const secrets = await list();
    expect(wire.operations()).toEqual(["ListConfigs", "ListProjects", "ListSecretNames"]);
    expect(wire.operations().some((op) => VALUE_OPERATIONS.includes(op))).toBe(false);
    const expected = buildDopplerSample().flatMap((p) => p.configs.flatMap((c) => c.names.map((n) => `${p.slug}/${c.name}:${n}`)));
    expect(secrets.map((s) => s.externalId).sort()).toEqual(expected.sort());
    const stripe = secrets.find((s) => s.externalId === "payments-api/prd:STRIPE_SECRET_KEY");
    expect(stripe).toEqual({
      externalId: "payments-api/prd:STRIPE_SECRET_KEY",
      name: "payments-api/prd:STRIPE_SECRET_KEY",
      environment: "prod",
      createdAt: null,
      updatedAt: null,
      lastRotatedAt: null,
      versionCount: null,
      tags: {},
      owners: {},
      consumers: [],
      place: "Doppler payments-api/prd",
    });
    expect(secrets.find((s) => s.externalId === "ledger-core/stg:DATABASE_URL")?.environment).toBe("staging");
    expect(secrets.find((s) => s.externalId === "payments-api/dev_personal:STRIPE_SECRET_KEY")?.environment).toBe("dev");
    expect(JSON.stringify(secrets)).not.toContain(DOPPLER_VALUE_SENTINEL);
  });

  it("asks for no dynamic-secret leases and no managed DOPPLER_* names", async () => {
    await start();
    const secrets = await list({ projects: ["payments-api"], configs: ["prd"] });
    const names = wire.calls.filter((c) => c.operation === "ListSecretNames");
    expect(names).toHaveLength(1);
    const query = new URLSearchParams(names[0]?.query);
    expect(Object.fromEntries(query)).toEqual({ project: "payments-api", config: "prd", include_dynamic_secrets: "false", include_managed_secrets: "false" });
    expect(secrets.map((s) => s.name)).not.toContain("payments-api/prd:DOPPLER_PROJECT");
  });

  it("pages projects and configs until Doppler returns an empty page, even when it caps per_page", async () => {
    await start({ maxPerPage: 2 });
    const secrets = await list();
    const projectPages = wire.calls.filter((c) => c.operation === "ListProjects").map((c) => new URLSearchParams(c.query).get("page"));
    expect(projectPages).toEqual(["1", "2", "3", "4"]);
    expect(new Set(secrets.map((s) => s.externalId.split("/")[0])).size).toBe(5);
    expect(secrets.filter((s) => s.externalId.startsWith("payments-api/")).map((s) => s.place)).toContain("Doppler payments-api/dev_personal");
  });

  it("filters to configured projects and configs, by bare name or project/config", async () => {
    await start();
    const secrets = await list({ configs: ["ledger-core/prd", "notifications/stg"] });
    expect(wire.operations()).not.toContain("ListProjects");
    expect(new Set(secrets.map((s) => s.place))).toEqual(new Set(["Doppler ledger-core/prd", "Doppler notifications/stg"]));
    await expect(list({ projects: ["ledger-core"], configs: ["ledger-core/qa"] })).rejects.toMatchObject({ code: "not_found" });
  });

  it("recovers from throttling (429 with Retry-After)", async () => {
    await start({ faults: { ListSecretNames: [{ status: 429, headers: { "retry-after": "0" }, body: { messages: ["Rate limit exceeded"], success: false } }] } });
    const secrets = await list({ projects: ["risk-engine"], configs: ["prd"] });
    expect(secrets.map((s) => s.name)).toEqual(["risk-engine/prd:DATABASE_URL", "risk-engine/prd:SARDINE_API_KEY"]);
    expect(wire.calls.filter((c) => c.operation === "ListSecretNames").map((c) => c.status)).toEqual([429, 200]);
  });

  it("maps an invalid token to an auth error", async () => {
    await start({ token: "another-token" });
    const error = await failure(list());
    expect(error.code).toBe("auth");
    expect(error.message).toContain("Invalid Auth token");
  });

  it("maps 403 to forbidden with the role to grant", async () => {
    await start({ faults: { ListConfigs: [{ status: 403, body: { messages: ["You do not have access to this project"], success: false } }] } });
    const error = await failure(list({ projects: ["payments-api"] }));
    expect(error.code).toBe("forbidden");
    expect(error.message).toContain("You do not have access to this project");
    expect(error.message).toContain("Viewer project role");
  });

  it("rejects a malformed answer", async () => {
    await start({ faults: { ListSecretNames: [{ status: 200, body: { names: "STRIPE_SECRET_KEY" } }] } });
    const error = await failure(list({ projects: ["payments-api"], configs: ["prd"] }));
    expect(error.code).toBe("malformed");
    expect(error.message).toContain("names");
  });

  it("needs a token", async () => {
    await start();
    vi.stubEnv("DOPPLER_TOKEN", "");
    expect((await failure(list())).code).toBe("config");
    expect(wire.calls).toHaveLength(0);
  });
});

describe("dopplerConnector.testConnection", () => {
  it("names the token and the visible projects without reading any secret", async () => {
    await start();
    const { detail } = await dopplerConnector.testConnection(ctx());
    expect(detail).toContain("service_account keyledger in workplace Lumenpay");
    expect(detail).toContain("5 project(s)");
    expect(wire.operations()).toEqual(["GetMe", "ListProjects"]);
  });
});

describe("dopplerConnector.policy", () => {
  it("asks for a Viewer service account and says Keyledger only calls the names endpoint", () => {
    const policy = dopplerConnector.policy(dopplerConfigSchema.parse({ projects: ["payments-api"] }));
    expect(policy.text).toContain('"Viewer"');
    expect(policy.text).toContain("payments-api");
    expect(policy.text).toContain("/v3/configs/config/secrets/names");
    expect(policy.text).toContain("never calls /v3/configs/config/secrets,");
    expect(policy.notes).toContain("technically permits reading secret values");
  });
});
