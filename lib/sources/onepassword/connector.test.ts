import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { onePasswordConnector } from "@/lib/sources/onepassword/connector";
import { onePasswordConfigSchema } from "@/lib/sources/onepassword/config";
import { parseItemTags } from "@/lib/sources/onepassword/map-item";
import { DEFAULT_TAG_KEYS } from "@/lib/sources/tag-mapping";
import { collect, failure } from "@/lib/sources/testing";
import type { SecretMetadata } from "@/lib/sources/types";
import { buildOnePasswordSample, ONEPASSWORD_VALUE_SENTINEL, startOnePasswordWire, type OnePasswordWireOptions } from "@/test/wire/onepassword";
import type { WireServer } from "@/test/wire/wire-server";

const VALUE_OPERATIONS = ["GetItemWithFields", "ListItemFiles", "GetItemFile", "GetItemFileContent"];
const sample = buildOnePasswordSample();
let wire: WireServer;

async function start(options: OnePasswordWireOptions = {}) {
  wire = await startOnePasswordWire(options);
}

function ctx(config: Record<string, unknown> = {}) {
  return { config: onePasswordConfigSchema.parse({ connectUrl: wire.url, ...config }), tagKeys: DEFAULT_TAG_KEYS, fetch: globalThis.fetch };
}

function list(config: Record<string, unknown> = {}): Promise<SecretMetadata[]> {
  return collect(onePasswordConnector.listSecrets(ctx(config)));
}

beforeEach(() => {
  vi.stubEnv("KEYLEDGER_CREDENTIAL_ENV", "OP_CONNECT_TOKEN");
  vi.stubEnv("OP_CONNECT_TOKEN", "test-only-connect-token");
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await wire?.close();
});

describe("onePasswordConnector.listSecrets", () => {
  it("reads vaults and item summaries only, never full items or files", async () => {
    await start();
    const secrets = await list();
    expect(wire.operations()).toEqual(["ListItems", "ListVaults"]);
    expect(wire.operations().some((op) => VALUE_OPERATIONS.includes(op))).toBe(false);
    expect(wire.calls.filter((c) => c.operation === "ListItems")).toHaveLength(3);
    expect(JSON.stringify(secrets)).not.toContain(ONEPASSWORD_VALUE_SENTINEL);
    expect(secrets).toHaveLength(8); // nine items, one archived
    expect(secrets.map((s) => s.name)).not.toContain("Payments/Old Adyen key");
  });

  it("maps summary attributes, categories and key=value tags", async () => {
    await start();
    const secrets = await list();
    const vault = sample[0]!;
    const item = vault.items[0]!;
    expect(secrets.find((s) => s.name === "Payments/Stripe live secret key")).toEqual({
      externalId: `${vault.id}/${item.id}`,
      name: "Payments/Stripe live secret key",
      kind: "api_key",
      environment: "prod",
      tier: 1,
      createdAt: new Date(item.createdAt),
      updatedAt: new Date(item.updatedAt),
      lastRotatedAt: new Date(item.updatedAt),
      versionCount: 7,
      tags: { owner: "ana@lumenpay.example", approver: "li@lumenpay.example", env: "prod", tier: "1", service: "payments-api", pci: "" },
      owners: { operator: "ana@lumenpay.example", approver: "li@lumenpay.example" },
      consumers: ["payments-api"],
      place: `1Password Payments (Connect ${new URL(wire.url).host})`,
    });
    const kinds = Object.fromEntries(secrets.map((s) => [s.name, s.kind]));
    expect(kinds).toMatchObject({
      "Payments/Payments Postgres admin": "database_credential",
      "Infrastructure/bastion deploy key": "ssh_key",
      "Infrastructure/AWS root account": "password",
      "Infrastructure/Grafana admin": "password",
      "Shared Ops/Status page runbook": null,
    });
    const grafana = secrets.find((s) => s.name === "Infrastructure/Grafana admin");
    expect(grafana?.owners).toEqual({});
    expect(grafana?.environment).toBe("staging");
    expect(secrets.find((s) => s.name === "Payments/Payments Postgres admin")?.consumers).toEqual(["payments-api", "ledger-core"]);
  });

  it("limits to configured vaults by name or id and refuses an invisible vault", async () => {
    await start();
    const secrets = await list({ vaults: ["infrastructure", sample[2]!.id] });
    expect(new Set(secrets.map((s) => s.name.split("/")[0]))).toEqual(new Set(["Infrastructure", "Shared Ops"]));
    expect(wire.calls.filter((c) => c.operation === "ListItems")).toHaveLength(2);
    const error = await failure(list({ vaults: ["Finance"] }));
    expect(error.code).toBe("not_found");
    expect(error.message).toContain('vault "Finance"');
  });

  it("accepts the Connect URL with or without /v1", async () => {
    await start();
    expect(await list({ connectUrl: `${wire.url}/v1/` })).toHaveLength(8);
  });

  it("recovers from throttling", async () => {
    await start({ faults: { ListItems: [{ status: 429, headers: { "retry-after": "0" } }, { status: 503 }] } });
    expect(await list({ vaults: ["Payments"] })).toHaveLength(3);
    expect(wire.calls.filter((c) => c.operation === "ListItems").map((c) => c.status)).toEqual([429, 503, 200]);
  });

  it("maps an invalid token to an auth error", async () => {
    await start({ token: "another-token" });
    const error = await failure(list());
    expect(error.code).toBe("auth");
    expect(error.message).toContain("Invalid token signature");
  });

  it("maps 403 to forbidden, naming the vault access to grant", async () => {
    await start({ faults: { ListItems: [{ status: 403, body: { status: 403, message: `vault ${sample[0]!.id} is not in scope` } }] } });
    const error = await failure(list());
    expect(error.code).toBe("forbidden");
    expect(error.message).toContain("is not in scope");
    expect(error.missingPermission).toContain("read access to this vault");
  });

  it("rejects a malformed summary", async () => {
    await start({ faults: { ListItems: [{ status: 200, body: [{ id: "x", title: 42, category: "LOGIN" }] }] } });
    const error = await failure(list({ vaults: ["Payments"] }));
    expect(error.code).toBe("malformed");
    expect(error.message).toContain("0.title");
  });
});

describe("onePasswordConnector.testConnection", () => {
  it("lists readable vaults only", async () => {
    await start();
    const { detail } = await onePasswordConnector.testConnection(ctx({ vaults: ["Payments"] }));
    expect(detail).toContain("1 vault(s) readable (Payments)");
    expect(wire.operations()).toEqual(["ListVaults"]);
  });
});

describe("onePasswordConnector.policy", () => {
  it("asks for a read-only token on the listed vaults and names the summary endpoints", () => {
    const policy = onePasswordConnector.policy(onePasswordConfigSchema.parse({ connectUrl: "https://op-connect.internal", vaults: ["Payments"] }));
    expect(policy.text).toContain('--vault "Payments,r"');
    expect(policy.text).toContain("GET /v1/vaults/{vaultUUID}/items ");
    expect(policy.text).toContain("never calls GET /v1/vaults/{vaultUUID}/items/{itemUUID}");
    expect(policy.notes).toContain("can technically fetch full items");
  });
});

describe("parseItemTags", () => {
  it("splits key=value tags and keeps plain tags", () => {
    expect(parseItemTags(["owner = ana@lumenpay.example", "pci", " ", "=odd"])).toEqual({ owner: "ana@lumenpay.example", pci: "", "=odd": "" });
  });
});
