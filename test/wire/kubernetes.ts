// Kubernetes API server wire double: secrets lists (PartialObjectMetadataList when asked with the
// documented Accept header, otherwise a full SecretList recorded as "list-secrets-full"), External
// Secrets Operator discovery and lists, Status errors, limit/continue paging and 410 on stale tokens.
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createFaults, startWireServer, type WireFault, type WireRequest, type WireResponse, type WireServer } from "@/test/wire/wire-server";

export const K8S_WIRE_TOKEN = "wire-valid-token";
export const K8S_EXPIRED_TOKEN = "wire-expired-token";
/** Stands in for Secret data inside a last-applied-configuration annotation; must never reach Keyledger's output. */
export const K8S_DATA_SENTINEL = "WIRE-SENTINEL-DATA";

export type K8sWireSecret = {
  namespace: string;
  name: string;
  creationTimestamp: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: { kind: string; name: string }[];
  managedFields?: { manager: string; time: string }[];
  type?: string;
};
export type K8sWireExternalSecret = { namespace: string; name: string; targetName?: string; store?: { kind: string; name: string }; remoteKeys?: string[]; extractKeys?: string[] };
export type K8sWireOptions = {
  secrets?: K8sWireSecret[];
  externalSecrets?: K8sWireExternalSecret[];
  eso?: "v1" | "v1beta1" | "none";
  maxPageSize?: number;
  faults?: WireFault[];
  forbidden?: ("secrets" | "externalsecrets")[];
  /** Answer the first request that carries a continue token with 410 Gone. */
  expireFirstContinue?: boolean;
  latencyMs?: number;
};

export function k8sFixtureSecrets(): K8sWireSecret[] {
  const lastApplied = JSON.stringify({ apiVersion: "v1", kind: "Secret", metadata: { name: "db-credentials", namespace: "payments" }, data: { password: K8S_DATA_SENTINEL } });
  return [
    {
      namespace: "payments", name: "stripe-sync", creationTimestamp: "2024-03-01T10:00:00Z",
      labels: { app: "checkout", env: "prod", tier: "1" }, annotations: { owner: "ana@example.com" },
      ownerReferences: [{ kind: "ExternalSecret", name: "stripe-sync" }],
      managedFields: [{ manager: "external-secrets", time: "2024-06-01T00:00:00Z" }, { manager: "kubectl-label", time: "2024-09-01T00:00:00Z" }],
    },
    {
      namespace: "payments", name: "db-credentials", creationTimestamp: "2023-11-20T08:00:00Z", labels: { env: "prod" },
      annotations: { "kubectl.kubernetes.io/last-applied-configuration": lastApplied, operator: "bo@example.com" },
    },
    { namespace: "payments", name: "payments-tls", creationTimestamp: "2024-01-01T00:00:00Z", annotations: { "cert-manager.io/certificate-name": "payments-tls" }, type: "kubernetes.io/tls" },
    { namespace: "payments", name: "default-token-x7k2p", creationTimestamp: "2022-01-01T00:00:00Z", annotations: { "kubernetes.io/service-account.name": "default" }, type: "kubernetes.io/service-account-token" },
    { namespace: "payments", name: "sh.helm.release.v1.payments.v3", creationTimestamp: "2024-02-02T00:00:00Z", labels: { owner: "helm", name: "payments", status: "deployed" }, type: "helm.sh/release.v1" },
    { namespace: "platform", name: "slack-webhook", creationTimestamp: "2024-04-04T00:00:00Z" },
  ];
}

export function k8sFixtureExternalSecrets(): K8sWireExternalSecret[] {
  return [{ namespace: "payments", name: "stripe-sync", store: { kind: "ClusterSecretStore", name: "aws-prod" }, remoteKeys: ["prod/stripe/api-key"], extractKeys: ["prod/stripe/webhook"] }];
}

export function generatedK8sSecrets(namespace: string, count: number): K8sWireSecret[] {
  return Array.from({ length: count }, (_, i) => ({ namespace, name: `generated-${String(i).padStart(4, "0")}`, creationTimestamp: "2024-05-01T00:00:00Z" }));
}

/** A kubeconfig for the wire server (plain HTTP needs insecure-skip-tls-verify in @kubernetes/client-node). */
export function writeKubeconfig(server: string, token = K8S_WIRE_TOKEN): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), "keyledger-kube-")), "config");
  const yaml = [
    "apiVersion: v1",
    "kind: Config",
    "clusters:",
    "  - name: wire",
    "    cluster:",
    `      server: ${server}`,
    "      insecure-skip-tls-verify: true",
    "users:",
    "  - name: keyledger",
    "    user:",
    `      token: ${token}`,
    "contexts:",
    "  - name: wire",
    "    context: { cluster: wire, user: keyledger, namespace: default }",
    "current-context: wire",
    "",
  ].join("\n");
  writeFileSync(file, yaml, { mode: 0o600 });
  return file;
}

function status(operation: string, code: number, reason: string, message: string, headers?: Record<string, string>): WireResponse {
  return { operation, status: code, headers, body: { kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message, reason, code } };
}

function page<T>(items: T[], request: WireRequest, maxPageSize: number): { items: T[]; continue?: string } {
  const asked = Number(request.query.get("limit") ?? 0);
  const size = Math.min(asked > 0 ? asked : items.length || 1, maxPageSize);
  const token = request.query.get("continue");
  const start = token ? (JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as { offset: number }).offset : 0;
  const end = start + size;
  return { items: items.slice(start, end), ...(end < items.length ? { continue: Buffer.from(JSON.stringify({ offset: end })).toString("base64url") } : {}) };
}

const objectMeta = (s: K8sWireSecret, i: number) => ({
  name: s.name, namespace: s.namespace, uid: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`, resourceVersion: String(1000 + i), creationTimestamp: s.creationTimestamp,
  ...(s.labels ? { labels: s.labels } : {}), ...(s.annotations ? { annotations: s.annotations } : {}),
  ...(s.ownerReferences ? { ownerReferences: s.ownerReferences.map((o) => ({ apiVersion: "external-secrets.io/v1", controller: true, uid: "owner-uid", ...o })) } : {}),
  ...(s.managedFields ? { managedFields: s.managedFields.map((f) => ({ ...f, operation: "Update", apiVersion: "v1", fieldsType: "FieldsV1" })) } : {}),
});

function externalSecretJson(es: K8sWireExternalSecret, version: string) {
  return {
    apiVersion: `external-secrets.io/${version}`, kind: "ExternalSecret", metadata: { name: es.name, namespace: es.namespace },
    spec: {
      refreshInterval: "1h", ...(es.store ? { secretStoreRef: es.store } : {}), target: { ...(es.targetName ? { name: es.targetName } : {}), creationPolicy: "Owner" },
      data: (es.remoteKeys ?? []).map((key, i) => ({ secretKey: `key${i}`, remoteRef: { key } })),
      ...(es.extractKeys ? { dataFrom: es.extractKeys.map((key) => ({ extract: { key } })) } : {}),
    },
  };
}

export async function startKubernetesWire(options: K8sWireOptions = {}): Promise<WireServer> {
  const secrets = options.secrets ?? k8sFixtureSecrets();
  const externalSecrets = options.externalSecrets ?? k8sFixtureExternalSecrets();
  const eso = options.eso ?? "v1";
  const maxPageSize = options.maxPageSize ?? 500;
  const takeFault = createFaults(options.faults);
  let expire = options.expireFirstContinue ?? false;
  return startWireServer((request) => {
    const p = request.path;
    let m = p.match(/^\/api\/v1(?:\/namespaces\/([^/]+))?\/secrets(?:\/([^/]+))?$/);
    const metadataOnly = (request.headers.accept ?? "").includes("as=PartialObjectMetadataList");
    const operation = m
      ? (m[2] ? "get-secret" : metadataOnly ? "list-secret-metadata" : "list-secrets-full")
      : p === "/apis/external-secrets.io" ? "get-eso-api-group" : /^\/apis\/external-secrets\.io\/[^/]+(\/namespaces\/[^/]+)?\/externalsecrets$/.test(p) ? "list-externalsecrets" : "unknown";
    if (request.headers.authorization !== `Bearer ${K8S_WIRE_TOKEN}`) return status(operation, 401, "Unauthorized", "Unauthorized");
    const fault = takeFault(operation);
    if (fault) {
      return fault.body !== undefined ? { operation, status: fault.status, body: fault.body, headers: fault.headers } : status(operation, fault.status, fault.status === 429 ? "TooManyRequests" : "InternalError", "Injected fault", fault.headers);
    }
    if (expire && request.query.get("continue")) {
      expire = false;
      return status(operation, 410, "Expired", "The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.");
    }
    if (m) {
      const namespace = m[1];
      if (options.forbidden?.includes("secrets")) {
        const scope = namespace ? `in the namespace "${namespace}"` : "at the cluster scope";
        return status(operation, 403, "Forbidden", `secrets is forbidden: User "system:serviceaccount:keyledger:keyledger" cannot list resource "secrets" in API group "" ${scope}`);
      }
      if (operation === "get-secret") return status(operation, 403, "Forbidden", "The wire server never returns Secret data.");
      const all = secrets.map((s, i) => ({ s, i })).filter(({ s }) => !namespace || s.namespace === namespace);
      const { items, continue: next } = page(all, request, maxPageSize);
      const listMeta = { resourceVersion: "5000", ...(next ? { continue: next } : {}) };
      if (metadataOnly) {
        return { operation, body: { kind: "PartialObjectMetadataList", apiVersion: "meta.k8s.io/v1", metadata: listMeta, items: items.map(({ s, i }) => ({ kind: "PartialObjectMetadata", apiVersion: "meta.k8s.io/v1", metadata: objectMeta(s, i) })) } };
      }
      const withheld = Buffer.from("withheld-by-wire-server").toString("base64");
      return { operation, body: { kind: "SecretList", apiVersion: "v1", metadata: listMeta, items: items.map(({ s, i }) => ({ metadata: objectMeta(s, i), type: s.type ?? "Opaque", data: { value: withheld } })) } };
    }
    if (operation === "get-eso-api-group") {
      if (eso === "none") return status(operation, 404, "NotFound", "the server could not find the requested resource");
      const versions = (eso === "v1" ? ["v1", "v1beta1"] : ["v1beta1"]).map((version) => ({ groupVersion: `external-secrets.io/${version}`, version }));
      return { operation, body: { kind: "APIGroup", apiVersion: "v1", name: "external-secrets.io", versions, preferredVersion: versions[0] } };
    }
    m = p.match(/^\/apis\/external-secrets\.io\/([^/]+)(?:\/namespaces\/([^/]+))?\/externalsecrets$/);
    if (m && eso !== "none" && (m[1] === eso || (eso === "v1" && m[1] === "v1beta1"))) {
      if (options.forbidden?.includes("externalsecrets")) return status(operation, 403, "Forbidden", 'externalsecrets.external-secrets.io is forbidden: User "system:serviceaccount:keyledger:keyledger" cannot list resource "externalsecrets"');
      const all = externalSecrets.filter((es) => !m![2] || es.namespace === m![2]);
      const { items, continue: next } = page(all, request, maxPageSize);
      return { operation, body: { apiVersion: `external-secrets.io/${m[1]}`, kind: "ExternalSecretList", metadata: { resourceVersion: "6000", ...(next ? { continue: next } : {}) }, items: items.map((es) => externalSecretJson(es, m![1]!)) } };
    }
    return status(operation, 404, "NotFound", "the server could not find the requested resource");
  }, { latencyMs: options.latencyMs });
}
