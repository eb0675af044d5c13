// Azure Key Vault wire server: the documented secrets REST surface (api-version 7.x / dated) behind
// TLS, with the 401 bearer challenge the SDK's Key Vault auth policy starts with. The SDK refuses
// challenge auth over plain HTTP, so a TLS front with a throw-away certificate for a *.vault.azure.net
// name sits before the recording server; the agent below resolves that name to 127.0.0.1.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import https from "node:https";
import type { LookupFunction } from "node:net";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import tls from "node:tls";
import type { AccessToken, TokenCredential } from "@azure/identity";
import { createFaults, startWireServer, type WireFault, type WireRequest, type WireResponse, type WireServer } from "@/test/wire/wire-server";

export const AZURE_WIRE_HOST = "keyledger-wire.vault.azure.net";
export const AZURE_WIRE_TOKEN = "wire-valid-token";
export const AZURE_EXPIRED_TOKEN = "wire-expired-token";
const CHALLENGE = 'Bearer authorization="https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000", resource="https://vault.azure.net"';

export type AzureWireVersion = { id: string; created: number; enabled?: boolean };
export type AzureWireSecret = {
  name: string;
  created: number;
  updated?: number;
  enabled?: boolean;
  exp?: number;
  nbf?: number;
  tags?: Record<string, string>;
  contentType?: string;
  managed?: boolean;
  versions: AzureWireVersion[];
};
export type AzureWireOptions = { secrets?: AzureWireSecret[]; maxPageSize?: number; faults?: WireFault[]; forbidden?: boolean; latencyMs?: number };
export type AzureWire = WireServer & { vaultUrl: string; agent: https.Agent };

const t = (iso: string) => Date.parse(iso) / 1000;

export function azureFixtureSecrets(): AzureWireSecret[] {
  return [
    {
      name: "stripe-api-key",
      created: t("2024-01-05T10:00:00Z"),
      updated: t("2024-12-01T10:00:00Z"),
      exp: t("2026-01-05T10:00:00Z"),
      tags: { owner: "ana@example.com", env: "prod", tier: "1", service: "checkout" },
      contentType: "text/plain",
      versions: [
        { id: "a1", created: t("2024-01-05T10:00:00Z") },
        { id: "b2", created: t("2024-07-05T10:00:00Z") },
        { id: "c3", created: t("2024-12-01T10:00:00Z"), enabled: false },
      ],
    },
    { name: "payments-tls", created: t("2024-02-01T00:00:00Z"), contentType: "application/x-pkcs12", managed: true, versions: [{ id: "d4", created: t("2024-02-01T00:00:00Z") }] },
    { name: "legacy-webhook", created: t("2022-06-01T00:00:00Z"), enabled: false, versions: [{ id: "e5", created: t("2022-06-01T00:00:00Z"), enabled: false }] },
  ];
}

export function generatedAzureSecrets(count: number): AzureWireSecret[] {
  return Array.from({ length: count }, (_, i) => ({ name: `generated-${String(i).padStart(4, "0")}`, created: t("2024-05-01T00:00:00Z"), versions: [{ id: `v${i}`, created: t("2024-05-01T00:00:00Z") }] }));
}

/** A TokenCredential with a fixed token (no network); `fail` makes it throw as an unusable identity would. */
export function azureTestCredential(token = AZURE_WIRE_TOKEN, fail = false): TokenCredential {
  return {
    async getToken(): Promise<AccessToken> {
      if (fail) throw Object.assign(new Error("ManagedIdentityCredential: no managed identity endpoint found."), { name: "CredentialUnavailableError" });
      return { token, expiresOnTimestamp: Date.now() + 3_600_000 };
    },
  };
}

let certificate: { key: Buffer; cert: Buffer } | undefined;
function selfSignedCertificate(): { key: Buffer; cert: Buffer } {
  if (certificate) return certificate;
  const dir = mkdtempSync(path.join(os.tmpdir(), "keyledger-wire-"));
  try {
    const [key, cert] = [path.join(dir, "key.pem"), path.join(dir, "cert.pem")];
    const args = ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2", "-subj", `/CN=${AZURE_WIRE_HOST}`, "-addext", `subjectAltName=DNS:${AZURE_WIRE_HOST}`, "-keyout", key, "-out", cert];
    execFileSync("openssl", args, { stdio: "ignore" });
    certificate = { key: readFileSync(key), cert: readFileSync(cert) };
    return certificate;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const toLocalhost: LookupFunction = (_hostname, options, callback) => {
  if (options.all) (callback as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address: "127.0.0.1", family: 4 }]);
  else callback(null, "127.0.0.1", 4);
};

function kvError(operation: string, status: number, code: string, message: string, headers?: Record<string, string>): WireResponse {
  return { operation, status, body: { error: { code, message } }, headers };
}

function page<T>(items: T[], request: WireRequest, maxPageSize: number, link: (query: string) => string) {
  const asked = Number(request.query.get("maxresults") ?? 0);
  const size = Math.min(asked > 0 ? asked : 25, maxPageSize);
  const start = Number(request.query.get("$skiptoken") ?? 0);
  const end = start + size;
  const apiVersion = request.query.get("api-version") ?? "7.4";
  return { value: items.slice(start, end), nextLink: end < items.length ? link(`api-version=${apiVersion}&$skiptoken=${end}&maxresults=${size}`) : null };
}

export async function startAzureWire(options: AzureWireOptions = {}): Promise<AzureWire> {
  const secrets = options.secrets ?? azureFixtureSecrets();
  const takeFault = createFaults(options.faults);
  const maxPageSize = options.maxPageSize ?? 25;
  let base = "";
  const attributes = (s: { created: number; updated?: number; enabled?: boolean; exp?: number; nbf?: number }) => ({
    enabled: s.enabled ?? true,
    created: s.created,
    updated: s.updated ?? s.created,
    ...(s.exp ? { exp: s.exp } : {}),
    ...(s.nbf ? { nbf: s.nbf } : {}),
    recoveryLevel: "Recoverable+Purgeable",
    recoverableDays: 90,
  });

  const wire = await startWireServer((request) => {
    const m = request.path.match(/^\/secrets(?:\/([^/]+))?(?:\/([^/]+))?\/?$/);
    const operation = !m || request.method !== "GET" ? "unknown" : !m[1] ? "GetSecrets" : m[2] === "versions" ? "GetSecretVersions" : "GetSecret";
    if (!request.headers.authorization) return kvError("BearerChallenge", 401, "Unauthorized", "AKV10000: Request is missing a Bearer or PoP token.", { "www-authenticate": CHALLENGE });
    if (request.headers.authorization !== `Bearer ${AZURE_WIRE_TOKEN}`) return kvError(operation, 401, "Unauthorized", "AKV10032: Invalid issuer.", { "www-authenticate": CHALLENGE });
    if (!request.query.get("api-version")) return kvError(operation, 400, "BadParameter", "The request URI contains an invalid api-version.");
    const fault = takeFault(operation);
    if (fault) {
      return fault.body !== undefined ? { operation, status: fault.status, body: fault.body, headers: fault.headers } : kvError(operation, fault.status, fault.status === 429 ? "Throttled" : "ServiceUnavailable", "Injected fault", fault.headers);
    }
    if (operation === "unknown") return kvError(operation, 404, "NotFound", `No route for ${request.method} ${request.path}`);
    if (operation === "GetSecret") return kvError(operation, 403, "Forbidden", "The wire server never returns secret values.");
    if (options.forbidden) {
      return { operation, status: 403, body: { error: { code: "Forbidden", message: "Caller is not authorized to perform action on resource. Action: 'Microsoft.KeyVault/vaults/secrets/readMetadata/action'", innererror: { code: "ForbiddenByRbac" } } } };
    }
    if (operation === "GetSecrets") {
      const { value, nextLink } = page(secrets, request, maxPageSize, (q) => `${base}/secrets?${q}`);
      const items = value.map((s) => ({ id: `${base}/secrets/${s.name}`, attributes: attributes(s), ...(s.tags ? { tags: s.tags } : {}), ...(s.contentType ? { contentType: s.contentType } : {}), ...(s.managed ? { managed: true } : {}) }));
      return { operation, body: { value: items, nextLink } };
    }
    const secret = secrets.find((s) => s.name === m?.[1]);
    if (!secret) return kvError(operation, 404, "SecretNotFound", `A secret with (name/id) ${m?.[1]} was not found in this key vault.`);
    const { value, nextLink } = page(secret.versions, request, maxPageSize, (q) => `${base}/secrets/${secret.name}/versions?${q}`);
    return { operation, body: { value: value.map((ver) => ({ id: `${base}/secrets/${secret.name}/${ver.id}`, attributes: attributes(ver), ...(secret.contentType ? { contentType: secret.contentType } : {}) })), nextLink } };
  }, { latencyMs: options.latencyMs });

  const { key, cert } = selfSignedCertificate();
  const sockets = new Set<net.Socket>();
  const front = tls.createServer({ key, cert }, (socket) => {
    const upstream = net.connect(wire.port, "127.0.0.1");
    for (const s of [socket, upstream]) {
      sockets.add(s);
      s.on("close", () => sockets.delete(s));
    }
    socket.on("error", () => upstream.destroy());
    upstream.on("error", () => socket.destroy());
    socket.pipe(upstream).pipe(socket);
  });
  await new Promise<void>((resolve) => front.listen(0, "127.0.0.1", resolve));
  const port = (front.address() as net.AddressInfo).port;
  base = `https://${AZURE_WIRE_HOST}:${port}`;
  const agent = new https.Agent({ ca: cert, lookup: toLocalhost, keepAlive: true });
  return {
    ...wire,
    vaultUrl: base,
    agent,
    close: async () => {
      agent.destroy();
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => front.close(() => resolve()));
      await wire.close();
    },
  };
}
