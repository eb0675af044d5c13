// GCP Secret Manager wire server: the documented v1 REST surface (JSON over HTTP, google.rpc.Status
// errors) for the official client's REST transport. Value operations are recorded and refused.
import { OAuth2Client } from "google-auth-library";
import { createFaults, startWireServer, type WireFault, type WireRequest, type WireResponse, type WireServer } from "@/test/wire/wire-server";

export type GcpWireVersion = { id: string; createTime: string; state: "ENABLED" | "DISABLED" | "DESTROYED"; destroyTime?: string };
export type GcpWireSecret = {
  name: string;
  createTime: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  rotation?: { nextRotationTime?: string; rotationPeriod?: string };
  expireTime?: string;
  replication?: Record<string, unknown>;
  topics?: { name: string }[];
  versions: GcpWireVersion[];
};
/** Answer the next `times` calls of `operation` with `status` (and a google.rpc.Status body unless `body` is given). */
export type GcpWireOptions = { secrets?: GcpWireSecret[]; maxPageSize?: number; faults?: WireFault[]; deniedPermissions?: string[]; latencyMs?: number };

export const GCP_WIRE_TOKEN = "wire-valid-token";
export const GCP_EXPIRED_TOKEN = "wire-expired-token";

/** An auth client with a pre-set bearer token: no network, no key file. */
export function gcpTestAuthClient(token = GCP_WIRE_TOKEN): OAuth2Client {
  const client = new OAuth2Client();
  client.setCredentials({ access_token: token, expiry_date: Date.now() + 3_600_000 });
  return client;
}

const v = (id: string, createTime: string, state: GcpWireVersion["state"]): GcpWireVersion => ({ id, createTime, state, ...(state === "DESTROYED" ? { destroyTime: createTime } : {}) });

export function gcpFixtureSecrets(): GcpWireSecret[] {
  return [
    {
      name: "projects/payments-prod/secrets/stripe-api-key",
      createTime: "2024-01-10T09:00:00Z",
      labels: { env: "prod", tier: "1", service: "checkout" },
      annotations: { owner: "ana@example.com", approver: "cto@example.com" },
      rotation: { nextRotationTime: "2025-04-10T09:00:00Z", rotationPeriod: "7776000s" },
      topics: [{ name: "projects/payments-prod/topics/secret-events" }],
      versions: [v("3", "2025-01-10T09:00:00Z", "ENABLED"), v("2", "2024-10-10T09:00:00Z", "DISABLED"), v("1", "2024-01-10T09:00:00Z", "DESTROYED")],
    },
    {
      name: "projects/payments-prod/secrets/ledger-db-password",
      createTime: "2024-03-01T12:00:00Z",
      labels: { env: "staging" },
      expireTime: "2026-03-01T12:00:00Z",
      replication: { userManaged: { replicas: [{ location: "us-east1" }, { location: "us-central1" }] } },
      versions: [v("1", "2024-03-01T12:00:00Z", "ENABLED")],
    },
    { name: "projects/internal-tools/secrets/slack-bot-token", createTime: "2023-06-01T08:00:00Z", versions: [v("1", "2023-06-01T08:00:00Z", "DISABLED")] },
  ];
}

export function generatedGcpSecrets(project: string, count: number): GcpWireSecret[] {
  return Array.from({ length: count }, (_, i) => ({
    name: `projects/${project}/secrets/generated-${String(i).padStart(4, "0")}`,
    createTime: "2024-05-01T00:00:00Z",
    labels: { env: "dev" },
    versions: [v("1", "2024-05-01T00:00:00Z", "ENABLED")],
  }));
}

const STATUS: Record<number, string> = { 400: "INVALID_ARGUMENT", 401: "UNAUTHENTICATED", 403: "PERMISSION_DENIED", 404: "NOT_FOUND", 429: "RESOURCE_EXHAUSTED", 500: "INTERNAL", 503: "UNAVAILABLE" };
const STATE_NUMBER = { ENABLED: 1, DISABLED: 2, DESTROYED: 3 } as const;

function googleError(operation: string, code: number, message: string): WireResponse {
  return { operation, status: code, body: { error: { code, message, status: STATUS[code] ?? "UNKNOWN" } } };
}

type Route = { operation: string; parent: string; permission: string };

function route(request: WireRequest): Route | null {
  const p = request.path;
  let m = p.match(/^\/v1\/(projects\/[^/]+(?:\/locations\/[^/]+)?)\/secrets$/);
  if (m?.[1]) return { operation: "ListSecrets", parent: m[1], permission: "secretmanager.secrets.list" };
  m = p.match(/^\/v1\/(projects\/[^/]+(?:\/locations\/[^/]+)?\/secrets\/[^/]+)\/versions$/);
  if (m?.[1]) return { operation: "ListSecretVersions", parent: m[1], permission: "secretmanager.versions.list" };
  m = p.match(/^\/v1\/(projects\/.+\/secrets\/[^/]+\/versions\/[^/]+):access$/);
  if (m?.[1]) return { operation: "AccessSecretVersion", parent: m[1], permission: "secretmanager.versions.access" };
  m = p.match(/^\/v1\/(projects\/[^/]+(?:\/locations\/[^/]+)?\/secrets\/[^/]+)$/);
  if (m?.[1]) return { operation: "GetSecret", parent: m[1], permission: "secretmanager.secrets.get" };
  return null;
}

function page<T>(items: T[], request: WireRequest, maxPageSize: number): { items: T[]; nextPageToken?: string } {
  const asked = Number(request.query.get("pageSize") ?? 0);
  const size = asked > 0 ? Math.min(asked, maxPageSize) : maxPageSize;
  const token = request.query.get("pageToken");
  const start = token ? Number(Buffer.from(token, "base64url").toString("utf8")) : 0;
  const end = start + size;
  return { items: items.slice(start, end), ...(end < items.length ? { nextPageToken: Buffer.from(String(end)).toString("base64url") } : {}) };
}

function secretJson(s: GcpWireSecret) {
  const { versions, ...rest } = s;
  return { replication: { automatic: {} }, etag: `"${versions.length}"`, ...rest };
}

export async function startGcpWire(options: GcpWireOptions = {}): Promise<WireServer> {
  const secrets = options.secrets ?? gcpFixtureSecrets();
  const takeFault = createFaults(options.faults);
  const maxPageSize = options.maxPageSize ?? 25_000;
  return startWireServer((request) => {
    const target = route(request);
    if (!target || request.method !== "GET") return googleError("unknown", 404, `Method not found: ${request.method} ${request.path}`);
    const { operation, parent } = target;
    if (request.headers.authorization !== `Bearer ${GCP_WIRE_TOKEN}`) return googleError(operation, 401, "Request had invalid authentication credentials. Expected OAuth 2 access token.");
    const fault = takeFault(operation);
    if (fault) {
      if (fault.body !== undefined) return { operation, status: fault.status, body: fault.body, headers: fault.headers };
      return { ...googleError(operation, fault.status, `Injected ${STATUS[fault.status] ?? fault.status}`), headers: fault.headers };
    }
    if (operation === "AccessSecretVersion") return googleError(operation, 403, "The wire server never returns secret payloads.");
    if (options.deniedPermissions?.includes(target.permission)) {
      return googleError(operation, 403, `Permission '${target.permission}' denied on resource '${parent}' (or it may not exist).`);
    }
    const numericEnums = (request.query.get("$alt") ?? "").includes("enum-encoding=int");
    if (operation === "ListSecrets") {
      const matching = secrets.filter((s) => s.name.startsWith(`${parent}/secrets/`));
      const { items, nextPageToken } = page(matching, request, maxPageSize);
      return { operation, body: { secrets: items.map(secretJson), ...(nextPageToken ? { nextPageToken } : {}), totalSize: matching.length } };
    }
    const secret = secrets.find((s) => s.name === parent);
    if (!secret) return googleError(operation, 404, `Secret [${parent}] not found or has no versions.`);
    if (operation === "GetSecret") return { operation, body: secretJson(secret) };
    const sorted = [...secret.versions].sort((a, b) => b.createTime.localeCompare(a.createTime));
    const { items, nextPageToken } = page(sorted, request, maxPageSize);
    const versions = items.map((ver) => ({
      name: `${secret.name}/versions/${ver.id}`,
      createTime: ver.createTime,
      state: numericEnums ? STATE_NUMBER[ver.state] : ver.state,
      ...(ver.destroyTime ? { destroyTime: ver.destroyTime } : {}),
      etag: `"${ver.id}"`,
    }));
    return { operation, body: { versions, ...(nextPageToken ? { nextPageToken } : {}), totalSize: secret.versions.length } };
  }, { latencyMs: options.latencyMs });
}
