import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { findMetadataListing } from "@/lib/sources/infisical/capability";
import { infisicalConfigSchema } from "@/lib/sources/infisical/config";
import { infisicalConnector } from "@/lib/sources/infisical/connector";
import { DEFAULT_TAG_KEYS } from "@/lib/sources/tag-mapping";
import { collect, failure } from "@/lib/sources/testing";
import type { SecretMetadata } from "@/lib/sources/types";
import { buildOpenApiSpec, INFISICAL_HIDDEN_MASK, INFISICAL_VALUE_SENTINEL, LUMENPAY_PROJECT_ID, startInfisicalWire, type InfisicalWireOptions } from "@/test/wire/infisical";
import type { WireServer } from "@/test/wire/wire-server";

const VALUE_OPERATIONS = ["ListSecretsWithValues", "ListSecretsRawWithValues", "GetSecretWithValue", "GetSecretRawWithValue"];
let wire: WireServer;

async function start(options: InfisicalWireOptions = {}) {
  wire = await startInfisicalWire(options);
}

function ctx(config: Record<string, unknown> = {}) {
  const parsed = infisicalConfigSchema.parse({ siteUrl: wire.url, projectId: LUMENPAY_PROJECT_ID, environments: ["dev", "staging", "prod"], ...config });
  return { config: parsed, tagKeys: DEFAULT_TAG_KEYS, fetch: globalThis.fetch };
}

function list(config: Record<string, unknown> = {}): Promise<SecretMetadata[]> {
  return collect(infisicalConnector.listSecrets(ctx(config)));
}

const noValueCalls = () => expect(wire.operations().filter((op) => VALUE_OPERATIONS.includes(op))).toEqual([]);

beforeEach(() => {
  vi.stubEnv("KEYLEDGER_CREDENTIAL_ENV", "INFISICAL_CLIENT_ID,INFISICAL_CLIENT_SECRET");
  vi.stubEnv("INFISICAL_CLIENT_ID", "test-only-client-id");
  vi.stubEnv("INFISICAL_CLIENT_SECRET", "test-only-client-secret");
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await wire?.close();
});

describe("infisicalConnector.listSecrets on a server with metadata-only listing", () => {
  it("checks the capability, logs in, and lists every environment with viewSecretValue=false only", async () => {
    await start();
    const secrets = await list();
    expect(wire.operations()).toEqual(["GetOpenApiSpec", "ListSecretsMetadata", "UniversalAuthLogin"]);
    expect(wire.calls.map((c) => c.operation).slice(0, 2)).toEqual(["GetOpenApiSpec", "UniversalAuthLogin"]);
    noValueCalls();
    const lists = wire.calls.filter((c) => c.operation === "ListSecretsMetadata").map((c) => Object.fromEntries(new URLSearchParams(c.query)));
    expect(lists.map((q) => q.environment)).toEqual(["dev", "staging", "prod"]);
    expect(lists[0]).toEqual({ projectId: LUMENPAY_PROJECT_ID, environment: "dev", secretPath: "/", viewSecretValue: "false", expandSecretReferences: "false", include_imports: "false", recursive: "true" });
    expect(wire.calls.find((c) => c.operation === "ListSecretsMetadata")?.path).toBe("/api/v4/secrets");
    const serialized = JSON.stringify(secrets);
    expect(serialized).not.toContain(INFISICAL_VALUE_SENTINEL);
    expect(serialized).not.toContain(INFISICAL_HIDDEN_MASK);
    expect(secrets.map((s) => s.name)).not.toContain("dev/MY_LOCAL_OVERRIDE");
    expect(secrets).toHaveLength(5 + 5 + 5);
  });

  it("maps keys, folders, dates, versions, tags and secret metadata", async () => {
    await start();
    const secrets = await list({ environments: ["prod"] });
    const stripe = secrets.find((s) => s.name === "prod/payments/STRIPE_SECRET_KEY");
    expect(stripe).toMatchObject({
      externalId: `${LUMENPAY_PROJECT_ID}/prod/payments/STRIPE_SECRET_KEY`,
      environment: "prod",
      tier: 1,
      versionCount: 9,
      tags: { pci: "", owner: "ana@lumenpay.example", approver: "li@lumenpay.example", tier: "1", service: "payments-api" },
      owners: { operator: "ana@lumenpay.example", approver: "li@lumenpay.example" },
      consumers: ["payments-api"],
      place: `Infisical ${new URL(wire.url).host} project ${LUMENPAY_PROJECT_ID} (prod)`,
    });
    expect(stripe?.tags).not.toHaveProperty("rotation-contact");
    expect(stripe?.lastRotatedAt).toEqual(stripe?.updatedAt);
    expect(stripe?.createdAt).toBeInstanceOf(Date);
    expect(secrets.find((s) => s.name === "prod/NEXTAUTH_SECRET")?.description).toBe("Session signing secret for the dashboard");
    expect(secrets.find((s) => s.name === "prod/ci/release/SENTRY_AUTH_TOKEN")?.owners).toEqual({ operator: "sam@lumenpay.example" });
  });

  it("limits to the configured folder and depth", async () => {
    await start();
    expect((await list({ secretPath: "/payments", environments: ["staging"] })).map((s) => s.name)).toEqual([
      "staging/payments/PLAID_CLIENT_SECRET",
      "staging/payments/STRIPE_SECRET_KEY",
      "staging/payments/STRIPE_WEBHOOK_SIGNING_SECRET",
    ]);
    expect((await list({ recursive: false, environments: ["prod"] })).map((s) => s.name)).toEqual(["prod/DATABASE_URL", "prod/NEXTAUTH_SECRET"]);
  });

  it("recovers from throttling", async () => {
    await start({ faults: { ListSecretsMetadata: [{ status: 429, headers: { "retry-after": "0" } }] } });
    expect(await list({ environments: ["prod"] })).toHaveLength(5);
    expect(wire.calls.filter((c) => c.operation === "ListSecretsMetadata").map((c) => c.status)).toEqual([429, 200]);
  });

  it("maps rejected machine-identity credentials to an auth error", async () => {
    await start({ clientSecret: "rotated-elsewhere" });
    const error = await failure(list());
    expect(error.code).toBe("auth");
    expect(error.message).toContain("Invalid credentials");
    expect(wire.operations()).toEqual(["GetOpenApiSpec", "UniversalAuthLogin"]);
  });

  it("maps 403 to forbidden, naming the Describe Secret permission", async () => {
    const message = "You are not allowed to describeSecret on secrets";
    await start({ faults: { ListSecretsMetadata: [{ status: 403, body: { reqId: "r", statusCode: 403, message, error: "PermissionDenied" } }] } });
    const error = await failure(list());
    expect(error.code).toBe("forbidden");
    expect(error.message).toContain(message);
    expect(error.missingPermission).toContain('"Describe Secret" (describeSecret) permission on secrets in environment dev');
  });

  it("rejects a malformed list", async () => {
    await start({ faults: { ListSecretsMetadata: [{ status: 200, body: { secrets: [{ secretKey: 7 }] } }] } });
    const error = await failure(list());
    expect(error.code).toBe("malformed");
    expect(error.message).toContain("secrets.0.secretKey");
  });
});

describe("infisicalConnector on a server that cannot list without values", () => {
  it("refuses with a clear message before any value-returning call, and before using the credentials", async () => {
    await start({ mode: "legacy" });
    const error = await failure(list());
    expect(error.code).toBe("unsupported");
    expect(error.message).toContain("cannot list secrets without their values");
    expect(error.message).toContain("no viewSecretValue parameter");
    expect(error.message).toContain("will not call an endpoint that returns secret values");
    expect(wire.operations()).toEqual(["GetOpenApiSpec"]);
  });

  it("testConnection reports the same refusal", async () => {
    await start({ mode: "legacy" });
    const error = await failure(infisicalConnector.testConnection(ctx()));
    expect(error.code).toBe("unsupported");
    expect(error.message).toContain("Upgrade the server");
    expect(wire.operations()).toEqual(["GetOpenApiSpec"]);
  });

  it("refuses when the server does not publish its API description", async () => {
    await start({ faults: { GetOpenApiSpec: [{ status: 404, body: { statusCode: 404, message: "Route not found", error: "NotFound" } }] } });
    const error = await failure(list());
    expect(error.code).toBe("unsupported");
    expect(error.message).toContain("GET /api/docs/json answered 404");
    noValueCalls();
  });

  it("discards an answer that carries values despite viewSecretValue=false and emits nothing", async () => {
    await start({ mode: "ignores-flag" });
    const emitted: SecretMetadata[] = [];
    const error = await failure((async () => { for await (const s of infisicalConnector.listSecrets(ctx())) emitted.push(s); })());
    expect(error.code).toBe("unsupported");
    expect(error.message).toContain("the answer was discarded");
    expect(error.message).not.toContain(INFISICAL_VALUE_SENTINEL);
    expect(emitted).toEqual([]);
  });
});

describe("findMetadataListing", () => {
  it("prefers v4, falls back to v3 raw, and finds nothing on a legacy spec", () => {
    expect(findMetadataListing(buildOpenApiSpec("current"))).toEqual({ path: "/api/v4/secrets", projectParam: "projectId" });
    const v3only = buildOpenApiSpec("current") as { paths: Record<string, unknown> };
    delete v3only.paths["/api/v4/secrets/"];
    expect(findMetadataListing(v3only)).toEqual({ path: "/api/v3/secrets/raw", projectParam: "workspaceId" });
    expect(findMetadataListing(buildOpenApiSpec("legacy"))).toBeNull();
    expect(findMetadataListing("not a spec")).toBeNull();
  });
});

describe("infisicalConnector.testConnection", () => {
  it("confirms metadata-only listing on the first environment", async () => {
    await start();
    const { detail } = await infisicalConnector.testConnection(ctx());
    expect(detail).toContain("lists without values (GET /api/v4/secrets?viewSecretValue=false)");
    expect(detail).toContain("2 secret(s) in dev at /");
    noValueCalls();
  });
});

describe("infisicalConnector.policy", () => {
  it("grants describeSecret per environment and never readValue", () => {
    const policy = infisicalConnector.policy(infisicalConfigSchema.parse({ projectId: LUMENPAY_PROJECT_ID, environments: ["staging", "prod"], secretPath: "/payments" }));
    expect(policy.format).toBe("hcl");
    expect(policy.text).toContain('action     = ["describeSecret"]');
    expect(policy.text).toContain('"$glob" = "/payments/**"');
    expect(policy.text).toContain('"$eq" = "prod"');
    expect(policy.text).not.toMatch(/action\s*=\s*\[[^\]]*readValue/);
    expect(policy.notes).toContain('not "readValue"');
  });
});
