// An Infisical wire server: Universal Auth login, the OpenAPI document at /api/docs/json, and the
// secrets list endpoints, with deterministic lumenpay data. Three server behaviours:
//  - "current":      the list endpoints declare and honour viewSecretValue (values masked);
//  - "legacy":       no v4 endpoint, and v3 has no viewSecretValue — it ignores it and returns values;
//  - "ignores-flag": advertises viewSecretValue but returns values anyway (a broken server).
// Value-returning calls are recorded under their own operation names, with a sentinel as the value.
import { createFaults, faultsByOperation, startWireServer, type WireRequest, type WireResponse, type WireServer } from "@/test/wire/wire-server";

export const INFISICAL_VALUE_SENTINEL = "[wire: infisical value endpoint was called]";
export const INFISICAL_HIDDEN_MASK = "<hidden-by-infisical>";
export const LUMENPAY_PROJECT_ID = "5b3f6d2a-8c41-4e7b-9f10-2a6c0e5d7b91";

export type InfisicalMode = "current" | "legacy" | "ignores-flag";
export type InfisicalSampleSecret = {
  key: string;
  path: string;
  environments: string[];
  comment?: string;
  tags?: string[];
  metadata?: Record<string, string>;
  encryptedMetadata?: string[];
  type?: "shared" | "personal";
  version: number;
};
export type InfisicalFault = { status: number; body?: unknown; headers?: Record<string, string> };
export type InfisicalWireOptions = {
  mode?: InfisicalMode;
  secrets?: InfisicalSampleSecret[];
  clientId?: string;
  clientSecret?: string;
  faults?: Partial<Record<string, InfisicalFault[]>>;
};

const ALL = ["dev", "staging", "prod"];
export function buildInfisicalSample(): InfisicalSampleSecret[] {
  return [
    { key: "DATABASE_URL", path: "/", environments: ALL, tags: ["backend"], metadata: { owner: "marco@lumenpay.example", tier: "1", service: "ledger-core" }, version: 4 },
    { key: "NEXTAUTH_SECRET", path: "/", environments: ALL, comment: "Session signing secret for the dashboard", metadata: { owner: "ana@lumenpay.example", service: "web-dashboard", tier: "2" }, version: 2 },
    { key: "STRIPE_SECRET_KEY", path: "/payments", environments: ALL, tags: ["pci"], metadata: { owner: "ana@lumenpay.example", approver: "li@lumenpay.example", tier: "1", service: "payments-api" }, encryptedMetadata: ["rotation-contact"], version: 9 },
    { key: "STRIPE_WEBHOOK_SIGNING_SECRET", path: "/payments", environments: ALL, metadata: { owner: "ana@lumenpay.example", service: "payments-api" }, version: 3 },
    { key: "PLAID_CLIENT_SECRET", path: "/payments", environments: ["dev", "staging"], metadata: { owner: "unknown" }, version: 1 },
    { key: "SENTRY_AUTH_TOKEN", path: "/ci/release", environments: ["prod"], metadata: { operator: "sam@lumenpay.example", service: "release-pipeline" }, version: 6 },
    { key: "MY_LOCAL_OVERRIDE", path: "/", environments: ["dev"], type: "personal", version: 1 },
  ];
}

const LIST_PARAMS = ["projectId", "environment", "secretPath", "expandSecretReferences", "recursive", "include_imports", "tagSlugs", "metadataFilter"];
const param = (name: string) => ({ in: "query", name, required: false, schema: { type: "string" } });

export function buildOpenApiSpec(mode: InfisicalMode) {
  const legacy = mode === "legacy";
  const v3 = ["workspaceId", ...LIST_PARAMS.filter((p) => p !== "projectId"), ...(legacy ? [] : ["viewSecretValue"])].map(param);
  const paths: Record<string, unknown> = {
    "/api/v1/auth/universal-auth/login": { post: { operationId: "loginUniversalAuth" } },
    "/api/v3/secrets/raw/": { get: { operationId: "listSecretsRaw", parameters: v3 } },
    "/api/v3/secrets/raw/{secretName}": { get: { parameters: [{ in: "path", name: "secretName" }] } },
  };
  if (!legacy) {
    paths["/api/v4/secrets/"] = { get: { operationId: "listSecretsV4", parameters: [...LIST_PARAMS, "viewSecretValue"].map(param) } };
    paths["/api/v4/secrets/{secretName}"] = { get: { operationId: "getSecretByNameV4", parameters: [{ in: "path", name: "secretName" }, param("viewSecretValue")] } };
  }
  return { openapi: "3.0.3", info: { title: "Infisical API", version: "0.0.1" }, paths };
}

export function infisicalOperation(request: WireRequest): string {
  const { method, path, query } = request;
  const hidden = query.get("viewSecretValue") === "false";
  if (method === "GET" && path === "/api/docs/json") return "GetOpenApiSpec";
  if (method === "POST" && path === "/api/v1/auth/universal-auth/login") return "UniversalAuthLogin";
  if (method === "GET" && /^\/api\/v4\/secrets\/?$/.test(path)) return hidden ? "ListSecretsMetadata" : "ListSecretsWithValues";
  if (method === "GET" && /^\/api\/v3\/secrets\/raw\/?$/.test(path)) return hidden ? "ListSecretsRawMetadata" : "ListSecretsRawWithValues";
  if (method === "GET" && path.startsWith("/api/v4/secrets/")) return "GetSecretWithValue";
  if (method === "GET" && path.startsWith("/api/v3/secrets/raw/")) return "GetSecretRawWithValue";
  return `Unknown ${method} ${path}`;
}

const error = (statusCode: number, message: string, operation: string, name = "Error"): WireResponse => ({
  status: statusCode,
  operation,
  body: { reqId: "req-wire", statusCode, message, error: name },
});
const day = (n: number) => new Date(Date.UTC(2025, 2, 1) + n * 86_400_000).toISOString();

export function createInfisicalHandler(options: InfisicalWireOptions = {}) {
  const mode = options.mode ?? "current";
  const secrets = options.secrets ?? buildInfisicalSample();
  const clientId = options.clientId ?? "test-only-client-id";
  const clientSecret = options.clientSecret ?? "test-only-client-secret";
  const accessToken = "test-only-infisical-access-token";
  const takeFault = createFaults(faultsByOperation(options.faults));

  function list(request: WireRequest, operation: string): WireResponse {
    // A server that ignores the flag answers with values: record what it did, not what was asked.
    const withValues = mode !== "current" || operation.includes("WithValues");
    const label = withValues ? operation.replace("Metadata", "WithValues") : operation;
    const project = request.query.get("projectId") ?? request.query.get("workspaceId");
    const environment = request.query.get("environment") ?? "";
    if (project !== LUMENPAY_PROJECT_ID) return error(404, `Project with ID '${project}' not found`, label, "NotFound");
    if (!ALL.includes(environment)) return error(404, `Environment with slug '${environment}' in project not found`, label, "NotFound");
    const folder = (request.query.get("secretPath") ?? "/").replace(/\/+$/, "") || "/";
    const recursive = request.query.get("recursive") === "true";
    const inScope = (p: string) => p === folder || (recursive && (folder === "/" || p.startsWith(`${folder}/`)));
    const rows = secrets.filter((s) => s.environments.includes(environment) && inScope(s.path));
    const body = rows.map((s, i) => ({
      id: `sec-${environment}-${s.key.toLowerCase()}`, _id: `sec-${environment}-${s.key.toLowerCase()}`, workspace: LUMENPAY_PROJECT_ID, environment,
      version: s.version, type: s.type ?? "shared", secretKey: s.key, secretComment: s.comment ?? "", secretReminderNote: null,
      secretReminderRepeatDays: null, skipMultilineEncoding: false, createdAt: day(i), updatedAt: day(30 + i * 7), actor: null,
      isRotatedSecret: false, rotationId: null, secretPath: s.path,
      tags: (s.tags ?? []).map((t) => ({ id: `tag-${t}`, slug: t, color: "#3b82f6", name: t })),
      secretMetadata: [
        ...Object.entries(s.metadata ?? {}).map(([key, value]) => ({ key, value, isEncrypted: false })),
        ...(s.encryptedMetadata ?? []).map((key) => ({ key, value: "[encrypted metadata]", isEncrypted: true })),
      ],
      ...(withValues ? { secretValue: INFISICAL_VALUE_SENTINEL, ...(mode === "legacy" ? {} : { secretValueHidden: false }) } : { secretValue: INFISICAL_HIDDEN_MASK, secretValueHidden: true }),
    }));
    return { operation: label, body: { secrets: body, imports: [] } };
  }

  return (request: WireRequest): WireResponse => {
    const operation = infisicalOperation(request);
    const fault = takeFault(operation);
    if (fault) return { operation, status: fault.status, headers: fault.headers, body: fault.body ?? { statusCode: fault.status, message: `fault ${fault.status}`, error: "Fault" } };
    if (operation === "GetOpenApiSpec") return { operation, body: buildOpenApiSpec(mode) };
    if (operation === "UniversalAuthLogin") {
      const body = request.json<{ clientId?: string; clientSecret?: string }>();
      if (body.clientId !== clientId || body.clientSecret !== clientSecret) return error(401, "Invalid credentials", operation, "UnauthorizedError");
      return { operation, body: { accessToken, expiresIn: 7200, accessTokenMaxTTL: 7200, tokenType: "Bearer" } };
    }
    if (request.headers.authorization !== `Bearer ${accessToken}`) return error(401, "Token missing or invalid", operation, "UnauthorizedError");
    if (mode === "legacy" && operation.startsWith("ListSecrets") && !operation.startsWith("ListSecretsRaw")) return error(404, "Route not found", "RouteNotFound", "NotFound");
    if (operation.startsWith("ListSecrets")) return list(request, operation);
    if (operation.startsWith("GetSecret")) {
      return { operation, body: { secret: { secretKey: decodeURIComponent(request.path.split("/").pop() ?? ""), secretValue: INFISICAL_VALUE_SENTINEL, secretValueHidden: false } } };
    }
    return error(404, "Route not found", operation, "NotFound");
  };
}

export function startInfisicalWire(options: InfisicalWireOptions = {}): Promise<WireServer> {
  return startWireServer(createInfisicalHandler(options));
}
