// A Vault KV v2 server speaking the documented HTTP API: the response envelope, {"errors": […]}
// on failure, LIST (verb or GET ?list=true) and READ on <mount>/metadata/, token lookup-self, and
// AppRole / Kubernetes login. It also answers <mount>/data/ — recorded as "read-data", with an
// empty data map — so tests can prove a connector never asks for a value.
import { randomUUID } from "node:crypto";
import { createFaults, startWireServer, type WireRequest, type WireResponse, type WireServer } from "@/test/wire/wire-server";

export type WireVaultVersion = { createdTime: string; deletionTime?: string; destroyed?: boolean };
export type WireVaultSecret = { mount: string; path: string; customMetadata?: Record<string, string>; versions: WireVaultVersion[]; maxVersions?: number };

export type VaultOperation = "list-metadata" | "read-metadata" | "read-data" | "kv-other" | "lookup-self" | "login-approle" | "login-kubernetes" | "unknown";

export type VaultWireFault = {
  operation?: VaultOperation;
  /** Only requests whose path (after /v1/) starts with this. */
  pathPrefix?: string;
  /** Matching calls that fail before the server answers normally again; default every one. */
  times?: number;
  status: number;
  /** Default: {"errors": ["<status text>"]}; a string is sent as is (for malformed bodies). */
  body?: unknown;
  headers?: Record<string, string>;
};

export type VaultWireOptions = {
  secrets: WireVaultSecret[];
  latencyMs?: number;
  faults?: VaultWireFault[];
  /** When set, every request must carry X-Vault-Namespace with this value. */
  namespace?: string;
  /** Tokens the server accepts, besides those it issues at login. */
  tokens?: string[];
  approle?: { roleId: string; secretId: string };
  kubernetes?: { role: string; jwt: string };
};

/** Credentials of the wire server only: they open nothing but a local test server. */
export const VAULT_WIRE_TOKEN = "wire-vault-token";
export const VAULT_WIRE_APPROLE = { roleId: "wire-role-id", secretId: "wire-secret-id" };
export const VAULT_WIRE_KUBERNETES = { role: "keyledger", jwt: "wire.service-account.jwt" };

export const vaultFaults = {
  sealed: (): VaultWireFault => ({ status: 503, body: { errors: ["Vault is sealed"] } }),
  throttled: (times: number): VaultWireFault => ({ operation: "read-metadata", times, status: 429, headers: { "retry-after": "0" }, body: { errors: ["request path \"kv/metadata\": rate limit quota exceeded"] } }),
  serverError: (times: number, operation: VaultOperation = "list-metadata"): VaultWireFault => ({ operation, times, status: 500, body: { errors: ["internal error"] } }),
  denied: (pathPrefix: string): VaultWireFault => ({ pathPrefix, status: 403, body: { errors: ["1 error occurred:\n\t* permission denied\n\n"] } }),
  malformed: (operation: VaultOperation): VaultWireFault => ({ operation, status: 200, body: "{\"data\": {\"keys\": [" }),
};

const envelope = (data: unknown, auth: unknown = null) => ({ request_id: randomUUID(), lease_id: "", renewable: false, lease_duration: 0, data, wrap_info: null, warnings: null, auth, mount_type: "kv" });
const errors = (status: number, ...messages: string[]): Omit<WireResponse, "operation"> => ({ status, body: { errors: messages } });
const deny = errors(403, "permission denied");

function classify(method: string, path: string, query: URLSearchParams, mounts: Set<string>): { operation: VaultOperation; mount?: string; rest?: string } {
  if (path === "auth/token/lookup-self") return { operation: "lookup-self" };
  const login = path.match(/^auth\/(.+)\/login$/);
  if (login && method === "POST") return { operation: login[1]?.includes("kube") ? "login-kubernetes" : "login-approle", rest: login[1] };
  for (const mount of mounts) {
    if (!path.startsWith(`${mount}/`)) continue;
    const rest = path.slice(mount.length + 1);
    const isList = method === "LIST" || (method === "GET" && query.get("list") === "true");
    if (rest === "metadata" || rest.startsWith("metadata/")) return { operation: isList ? "list-metadata" : method === "GET" ? "read-metadata" : "kv-other", mount, rest: rest.slice("metadata/".length) };
    if (rest.startsWith("data/")) return { operation: "read-data", mount, rest: rest.slice("data/".length) };
    return { operation: "kv-other", mount, rest };
  }
  return { operation: "unknown" };
}

function metadataOf(secret: WireVaultSecret) {
  const versions = Object.fromEntries(secret.versions.map((v, i) => [String(i + 1), { created_time: v.createdTime, deletion_time: v.deletionTime ?? "", destroyed: v.destroyed ?? false }]));
  const first = secret.versions[0]?.createdTime ?? "";
  const last = secret.versions.at(-1)?.createdTime ?? first;
  return {
    cas_required: false,
    created_time: first,
    current_version: secret.versions.length,
    custom_metadata: secret.customMetadata ?? null,
    delete_version_after: "0s",
    max_versions: secret.maxVersions ?? 0,
    oldest_version: 0,
    updated_time: last,
    versions,
  };
}

export async function startVaultWireServer(options: VaultWireOptions): Promise<WireServer> {
  const mounts = new Set(options.secrets.map((s) => s.mount));
  const tokens = new Set(options.tokens ?? [VAULT_WIRE_TOKEN]);
  const approle = options.approle ?? VAULT_WIRE_APPROLE;
  const kubernetes = options.kubernetes ?? VAULT_WIRE_KUBERNETES;
  const takeFault = createFaults(options.faults, Infinity);
  const byPath = new Map(options.secrets.map((s) => [`${s.mount}/${s.path}`, s]));

  const handle = (request: WireRequest): WireResponse => {
    const path = request.path.replace(/^\/v1\//, "");
    const { operation, mount, rest = "" } = classify(request.method, path, request.query, mounts);
    const fault = takeFault(operation, (f) => !f.pathPrefix || path.startsWith(f.pathPrefix));
    if (fault) {
      return { operation, status: fault.status, headers: fault.headers, body: fault.body ?? { errors: [`fault ${fault.status}`] } };
    }
    const namespace = String(request.headers["x-vault-namespace"] ?? "").replace(/\/+$/, "");
    if ((options.namespace ?? "") !== namespace) return { operation, ...deny };

    if (operation === "login-approle" || operation === "login-kubernetes") {
      const body = request.json<Record<string, string>>();
      const ok = operation === "login-approle"
        ? body.role_id === approle.roleId && body.secret_id === approle.secretId
        : body.role === kubernetes.role && body.jwt === kubernetes.jwt;
      if (!ok) return { operation, ...(operation === "login-approle" ? errors(400, "invalid role or secret ID") : deny) };
      const issued = `wire-issued-${randomUUID()}`;
      tokens.add(issued);
      const auth = { client_token: issued, accessor: randomUUID(), policies: ["default", "keyledger-metadata"], token_policies: ["default", "keyledger-metadata"], metadata: {}, lease_duration: 3600, renewable: true };
      return { operation, body: envelope(null, auth) };
    }
    const token = String(request.headers["x-vault-token"] ?? "");
    if (!tokens.has(token)) return { operation, ...deny };

    if (operation === "lookup-self") {
      return { operation, body: envelope({ id: token, accessor: randomUUID(), display_name: "token-keyledger", policies: ["default", "keyledger-metadata"], ttl: 7200, expire_time: null, type: "service" }) };
    }
    if (operation === "list-metadata") {
      const folder = rest.replace(/\/+$/, "");
      const prefix = folder ? `${folder}/` : "";
      const keys = new Set<string>();
      for (const secret of options.secrets) {
        if (secret.mount !== mount || !secret.path.startsWith(prefix)) continue;
        const remainder = secret.path.slice(prefix.length);
        const slash = remainder.indexOf("/");
        keys.add(slash === -1 ? remainder : remainder.slice(0, slash + 1));
      }
      if (keys.size === 0) return { operation, ...errors(404) };
      return { operation, body: envelope({ keys: [...keys].sort() }) };
    }
    if (operation === "read-metadata") {
      const secret = byPath.get(`${mount}/${rest}`);
      return secret ? { operation, body: envelope(metadataOf(secret)) } : { operation, ...errors(404) };
    }
    if (operation === "read-data") {
      const secret = byPath.get(`${mount}/${rest}`);
      const version = secret ? { created_time: secret.versions.at(-1)?.createdTime, deletion_time: "", destroyed: false, version: secret.versions.length } : null;
      return secret ? { operation, body: envelope({ data: {}, metadata: version }) } : { operation, ...errors(404) };
    }
    return { operation, ...errors(404, `no handler for route "${path}". route entry not found.`) };
  };

  return startWireServer(handle, { latencyMs: options.latencyMs });
}

const FOLDERS = ["payments", "platform/ci", "platform/observability", "data/warehouse", "auth", "growth/integrations"];
const NAMES: Record<string, string[]> = {
  payments: ["stripe-webhook", "stripe-restricted-key", "adyen-api-key"],
  "platform/ci": ["deploy-key", "npm-publish-token", "registry-push"],
  "platform/observability": ["datadog-api-key", "pagerduty-routing-key"],
  "data/warehouse": ["snowflake-admin", "dbt-service-user"],
  auth: ["okta-client", "session-signing-key"],
  "growth/integrations": ["hubspot-private-app", "segment-write-key"],
};
const PEOPLE = ["priya", "sam", "maya", "dana", "leo"];
const ENVS = ["prod", "staging", "dev"];
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().replace(".000Z", ".123456789Z");

/** Deterministic KV v2 secrets in mount "kv": nested folders, owners, some deleted or destroyed. */
export function sampleVaultSecrets(count: number): WireVaultSecret[] {
  const base = Date.UTC(2024, 0, 15, 9, 30);
  return Array.from({ length: count }, (_, i) => {
    const folder = FOLDERS[i % FOLDERS.length] as string;
    const names = NAMES[folder] as string[];
    const round = Math.floor(i / FOLDERS.length);
    const name = names[round % names.length] as string;
    const cycle = Math.floor(round / names.length);
    const path = cycle === 0 ? `${folder}/${name}` : `${folder}/batch-${cycle}/${name}`;
    const env = ENVS[i % ENVS.length] as string;
    const created = base + (i % 365) * DAY;
    const versions: WireVaultVersion[] = Array.from({ length: (i % 4) + 1 }, (_, v) => ({ createdTime: iso(created + v * 30 * DAY) }));
    if (i % 11 === 7 && versions.length > 1) versions[0] = { ...(versions[0] as WireVaultVersion), destroyed: true };
    if (i % 13 === 5) versions[versions.length - 1] = { ...(versions.at(-1) as WireVaultVersion), deletionTime: iso(created + ((versions.length - 1) * 30 + 1) * DAY) };
    return {
      mount: "kv",
      path,
      customMetadata: {
        owner: `${PEOPLE[i % PEOPLE.length]}@lumenpay.example`,
        approver: `${PEOPLE[(i + 2) % PEOPLE.length]}@lumenpay.example`,
        env,
        tier: String((i % 4) + 1),
        service: folder.split("/")[0] === "payments" ? "payments-api" : `${folder.replace(/\//g, "-")}-svc`,
      },
      versions,
    };
  });
}
