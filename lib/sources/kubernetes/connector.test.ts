import { realpathSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { kubernetesConfigSchema } from "@/lib/sources/kubernetes/config";
import { createKubernetesConnector, kubernetesConnector } from "@/lib/sources/kubernetes/connector";
import { SourceError } from "@/lib/sources/source-error";
import { DEFAULT_TAG_KEYS } from "@/lib/sources/tag-mapping";
import { collect } from "@/lib/sources/testing";
import { generatedK8sSecrets, K8S_DATA_SENTINEL, K8S_EXPIRED_TOKEN, startKubernetesWire, writeKubeconfig, type K8sWireOptions } from "@/test/wire/kubernetes";
import type { WireServer } from "@/test/wire/wire-server";

let wire: WireServer | undefined;
const files: string[] = [];
// The test kubeconfigs are written to the temporary directory: let the worker read credentials there.
beforeEach(() => vi.stubEnv("KEYLEDGER_CREDENTIAL_DIR", realpathSync(tmpdir())));
afterEach(async () => {
  vi.unstubAllEnvs();
  await wire?.close();
  wire = undefined;
  for (const f of files.splice(0)) rmSync(path.dirname(f), { recursive: true, force: true });
});

async function setup(wireOptions: K8sWireOptions = {}, opts: { token?: string; pageSize?: number } = {}) {
  wire = await startKubernetesWire(wireOptions);
  const kubeconfigFile = writeKubeconfig(wire.url, opts.token);
  files.push(kubeconfigFile);
  const waits: number[] = [];
  const connector = createKubernetesConnector({ pageSize: opts.pageSize, retry: { sleep: async (ms) => void waits.push(ms) } });
  const ctx = (config: Record<string, unknown> = {}) => ({ config: kubernetesConfigSchema.parse({ clusterName: "prod-eu", kubeconfigFile, ...config }), tagKeys: DEFAULT_TAG_KEYS, fetch });
  return { connector, ctx, wire, waits, kubeconfigFile };
}

describe("kubernetesConnector", () => {
  it("lists Secrets as PartialObjectMetadataList only — never full Secret objects", async () => {
    const { connector, ctx, wire } = await setup();
    const secrets = await collect(connector.listSecrets(ctx()));
    expect(wire.operations()).toEqual(["get-eso-api-group", "list-externalsecrets", "list-secret-metadata"]);
    expect(wire.calls.some((c) => c.operation === "list-secrets-full" || c.operation === "get-secret")).toBe(false);
    expect(secrets.map((s) => s.name)).toEqual(["payments/stripe-sync", "payments/db-credentials", "payments/payments-tls", "platform/slack-webhook"]);
    const [stripe, db, tlsCert] = secrets;
    expect(stripe).toMatchObject({
      externalId: "prod-eu/payments/stripe-sync",
      environment: "prod",
      tier: 1,
      lifetime: "static",
      createdAt: new Date("2024-03-01T10:00:00Z"),
      updatedAt: new Date("2024-09-01T00:00:00Z"),
      owners: { operator: "ana@example.com" },
      consumers: ["checkout", "ExternalSecret payments/stripe-sync"],
      place: "Kubernetes prod-eu",
    });
    expect(stripe?.tags).toMatchObject({ app: "checkout", "eso.remoteKey": "prod/stripe/api-key, prod/stripe/webhook", "eso.store": "ClusterSecretStore/aws-prod", "kubernetes:ownedBy": "ExternalSecret/stripe-sync" });
    expect(db?.owners).toEqual({ operator: "bo@example.com" });
    expect(tlsCert?.kind).toBe("certificate");
  });

  it("drops annotations that carry Secret data (last-applied-configuration) on receipt", async () => {
    const { connector, ctx } = await setup();
    const secrets = await collect(connector.listSecrets(ctx()));
    const text = JSON.stringify(secrets);
    expect(text).not.toContain(K8S_DATA_SENTINEL);
    expect(text).not.toContain("last-applied-configuration");
  });

  it("skips Helm release records, and service-account tokens unless asked to include them", async () => {
    const { connector, ctx } = await setup();
    const included = await collect(connector.listSecrets(ctx({ serviceAccountTokens: "include" })));
    const token = included.find((s) => s.name === "payments/default-token-x7k2p");
    expect(token).toMatchObject({ kind: "access_token", lifetime: "static", tags: { "kubernetes:serviceAccount": "default" } });
    expect(included.some((s) => s.name.includes("sh.helm.release"))).toBe(false);
  });

  it("scopes every list to the configured namespaces", async () => {
    const { connector, ctx, wire } = await setup();
    const secrets = await collect(connector.listSecrets(ctx({ namespaces: ["payments"] })));
    expect(secrets.every((s) => s.name.startsWith("payments/"))).toBe(true);
    const lists = wire.calls.filter((c) => c.operation !== "get-eso-api-group").map((c) => c.path);
    expect(new Set(lists)).toEqual(new Set(["/apis/external-secrets.io/v1/namespaces/payments/externalsecrets", "/api/v1/namespaces/payments/secrets"]));
  });

  it("pages with limit and continue, and restarts once when the continue token expired", async () => {
    let { connector, ctx, wire } = await setup({ secrets: generatedK8sSecrets("payments", 7), eso: "none" }, { pageSize: 3 });
    expect((await collect(connector.listSecrets(ctx()))).map((s) => s.name)).toEqual(generatedK8sSecrets("payments", 7).map((s) => `payments/${s.name}`));
    expect(wire.calls.filter((c) => c.operation === "list-secret-metadata").map((c) => c.query.includes("continue="))).toEqual([false, true, true]);
    await wire.close();
    ({ connector, ctx, wire } = await setup({ secrets: generatedK8sSecrets("payments", 7), eso: "none", expireFirstContinue: true }, { pageSize: 3 }));
    const restarted = await collect(connector.listSecrets(ctx()));
    expect(restarted).toHaveLength(7);
    expect(new Set(restarted.map((s) => s.externalId)).size).toBe(7);
    expect(wire.calls.map((c) => c.status)).toContain(410);
  });

  it("tolerates External Secrets Operator being absent, and reads v1beta1 when that is what is served", async () => {
    let { connector, ctx, wire } = await setup({ eso: "none" });
    expect(await collect(connector.listSecrets(ctx()))).toHaveLength(4);
    expect(wire.operations()).toEqual(["get-eso-api-group", "list-secret-metadata"]);
    await wire.close();
    ({ connector, ctx, wire } = await setup({ eso: "v1beta1" }));
    const secrets = await collect(connector.listSecrets(ctx()));
    expect(wire.calls.find((c) => c.operation === "list-externalsecrets")?.path).toBe("/apis/external-secrets.io/v1beta1/externalsecrets");
    expect(secrets[0]?.tags["eso.store"]).toBe("ClusterSecretStore/aws-prod");
  });

  it("recovers from 429 (honouring Retry-After) and 5xx", async () => {
    const { connector, ctx, waits } = await setup({
      faults: [{ operation: "list-secret-metadata", status: 429, times: 2, headers: { "retry-after": "1" } }, { operation: "list-externalsecrets", status: 500 }],
    });
    expect(await collect(connector.listSecrets(ctx()))).toHaveLength(4);
    expect(waits.filter((w) => w === 1000)).toHaveLength(2);
  });

  it("reports rejected credentials as auth and a 403 as forbidden with the verb to grant", async () => {
    let { connector, ctx } = await setup({}, { token: K8S_EXPIRED_TOKEN });
    const error = await collect(connector.listSecrets(ctx())).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect(error).toMatchObject({ code: "auth" });
    await wire?.close();
    ({ connector, ctx } = await setup({ forbidden: ["secrets"] }));
    await expect(collect(connector.listSecrets(ctx()))).rejects.toMatchObject({ code: "forbidden", missingPermission: "list on secrets" });
    await wire?.close();
    ({ connector, ctx } = await setup({ forbidden: ["externalsecrets"] }));
    await expect(collect(connector.listSecrets(ctx()))).rejects.toMatchObject({ code: "forbidden", missingPermission: "list on externalsecrets.external-secrets.io" });
  });

  it("rejects a full SecretList or a non-JSON body as malformed, without echoing it", async () => {
    const full = { kind: "SecretList", apiVersion: "v1", metadata: {}, items: [{ metadata: { name: "x", namespace: "y" }, data: { value: Buffer.from(K8S_DATA_SENTINEL).toString("base64") } }] };
    let { connector, ctx } = await setup({ faults: [{ operation: "list-secret-metadata", status: 200, body: full }] });
    const error = (await collect(connector.listSecrets(ctx())).catch((e: unknown) => e)) as SourceError;
    expect(error).toMatchObject({ code: "malformed" });
    expect(error.message).not.toContain(Buffer.from(K8S_DATA_SENTINEL).toString("base64"));
    await wire?.close();
    ({ connector, ctx } = await setup({ faults: [{ operation: "list-secret-metadata", status: 200, body: "<html>proxy login</html>" }] }));
    await expect(collect(connector.listSecrets(ctx()))).rejects.toMatchObject({ code: "malformed" });
  });

  it("tests the connection with one metadata item, through a server override", async () => {
    const { connector, wire } = await setup();
    const stale = writeKubeconfig("http://127.0.0.1:9");
    files.push(stale);
    const config = kubernetesConfigSchema.parse({ clusterName: "prod-eu", kubeconfigFile: stale, server: wire.url });
    const result = await connector.testConnection({ config, tagKeys: DEFAULT_TAG_KEYS, fetch });
    expect(result.detail).toBe(`Listed secret metadata in cluster prod-eu (all namespaces) at ${wire.url}.`);
    expect(wire.operations()).toEqual(["list-secret-metadata"]);
    expect(wire.calls[0]?.query).toContain("limit=1");
  });

  it("reports a missing kubeconfig or context as config", async () => {
    const { connector, ctx } = await setup();
    await expect(connector.testConnection(ctx({ kubeconfigFile: path.join(realpathSync(tmpdir()), "no-such-kubeconfig") }))).rejects.toMatchObject({ code: "config" });
    await expect(connector.testConnection(ctx({ context: "staging" }))).rejects.toMatchObject({ code: "config", message: expect.stringContaining("staging") });
  });

  it("the wire server flags a secrets list without the metadata Accept header", async () => {
    const { wire } = await setup();
    const response = await fetch(`${wire.url}/api/v1/secrets`, { headers: { authorization: "Bearer wire-valid-token", accept: "application/json" } });
    expect(((await response.json()) as { kind: string }).kind).toBe("SecretList");
    expect(wire.operations()).toEqual(["list-secrets-full"]);
  });

  it("offers RBAC that is honest about list on secrets, bound per namespace when scoped", () => {
    const cluster = kubernetesConnector.policy(kubernetesConfigSchema.parse({ clusterName: "prod-eu" }));
    expect(cluster.text).toContain('resources: ["secrets"]\n    verbs: ["list"]');
    expect(cluster.text).toContain('resources: ["externalsecrets"]');
    expect(cluster.text).toContain("kind: ClusterRoleBinding");
    expect(cluster.text).not.toMatch(/verbs: \[[^\]]*"(get|watch)"/);
    expect(cluster.notes).toMatch(/no metadata-only verb/);
    expect(cluster.notes).toContain("PartialObjectMetadataList");
    const scoped = kubernetesConnector.policy(kubernetesConfigSchema.parse({ clusterName: "prod-eu", namespaces: ["payments", "platform"] }));
    expect(scoped.text.match(/kind: RoleBinding/g)).toHaveLength(2);
    expect(scoped.text).not.toContain("ClusterRoleBinding");
  });
});
