// A Doppler API v3 wire server (documented JSON shapes, page/per_page paging, `messages` errors)
// with deterministic lumenpay sample data. It also answers the value-returning endpoints, under
// their own operation names and with a sentinel instead of a value, so tests can prove they are
// never called.
import { createFaults, faultsByOperation, startWireServer, type WireRequest, type WireResponse, type WireServer } from "@/test/wire/wire-server";

export const DOPPLER_VALUE_SENTINEL = "[wire: doppler value endpoint was called]";

export type DopplerSampleConfig = { name: string; environment: string; names: string[] };
export type DopplerSampleProject = { slug: string; name: string; configs: DopplerSampleConfig[] };
export type DopplerFault = { status: number; body?: unknown; headers?: Record<string, string> };
export type DopplerWireOptions = {
  projects?: DopplerSampleProject[];
  token?: string;
  /** Largest page the server hands out, whatever per_page asks for. */
  maxPerPage?: number;
  /** Per operation, answers to give (in order) before answering normally. */
  faults?: Partial<Record<string, DopplerFault[]>>;
};

const CONFIGS: [string, string][] = [["dev", "dev"], ["stg", "stg"], ["prd", "prd"]];
const SERVICES: [string, string, string[]][] = [
  ["payments-api", "Payments API", ["STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SIGNING_SECRET", "DATABASE_URL", "PLAID_CLIENT_SECRET"]],
  ["ledger-core", "Ledger core", ["DATABASE_URL", "LEDGER_SIGNING_KEY", "KAFKA_SASL_PASSWORD"]],
  ["web-dashboard", "Web dashboard", ["NEXTAUTH_SECRET", "SENTRY_AUTH_TOKEN", "POSTHOG_API_KEY"]],
  ["risk-engine", "Risk engine", ["SARDINE_API_KEY", "DATABASE_URL"]],
  ["notifications", "Notifications", ["POSTMARK_SERVER_TOKEN", "TWILIO_AUTH_TOKEN"]],
];

/** Lumenpay's Doppler workplace: five projects × dev/stg/prd, plus a personal dev config on payments. */
export function buildDopplerSample(): DopplerSampleProject[] {
  return SERVICES.map(([slug, name, names]) => ({
    slug,
    name,
    configs: [
      ...CONFIGS.map(([config, environment]) => ({ name: config, environment, names: environment === "dev" ? names.slice(0, -1) : names })),
      ...(slug === "payments-api" ? [{ name: "dev_personal", environment: "dev", names: ["STRIPE_SECRET_KEY"] }] : []),
    ],
  }));
}

const error = (status: number, message: string, operation: string): WireResponse => ({ status, operation, body: { messages: [message], success: false } });

function page<T>(items: T[], request: WireRequest, maxPerPage: number): T[] {
  const pageNo = Math.max(1, Number(request.query.get("page") ?? 1) || 1);
  const perPage = Math.min(maxPerPage, Math.max(1, Number(request.query.get("per_page") ?? 20) || 20));
  return items.slice((pageNo - 1) * perPage, pageNo * perPage);
}

export function dopplerOperation(request: WireRequest): string {
  const { method, path } = request;
  if (method !== "GET") return `Unsupported ${method} ${path}`;
  const known: Record<string, string> = {
    "/v3/me": "GetMe",
    "/v3/projects": "ListProjects",
    "/v3/configs": "ListConfigs",
    "/v3/configs/config/secrets/names": "ListSecretNames",
    "/v3/configs/config/secrets": "ListSecretsWithValues",
    "/v3/configs/config/secret": "GetSecretValue",
    "/v3/configs/config/secrets/download": "DownloadSecrets",
  };
  return known[path] ?? `Unknown ${path}`;
}

export function createDopplerHandler(options: DopplerWireOptions = {}) {
  const projects = options.projects ?? buildDopplerSample();
  const token = options.token ?? "test-only-doppler-token";
  const maxPerPage = options.maxPerPage ?? 100;
  const takeFault = createFaults(faultsByOperation(options.faults));

  return (request: WireRequest): WireResponse => {
    const operation = dopplerOperation(request);
    const fault = takeFault(operation);
    if (fault) return { operation, status: fault.status, headers: fault.headers, body: fault.body ?? { messages: [`fault ${fault.status}`], success: false } };
    if (request.headers.authorization !== `Bearer ${token}`) return error(401, "Invalid Auth token", operation);

    const project = projects.find((p) => p.slug === request.query.get("project"));
    const config = project?.configs.find((c) => c.name === request.query.get("config"));
    switch (operation) {
      case "GetMe":
        return { operation, body: { name: "keyledger", type: "service_account", workplace: { name: "Lumenpay", slug: "lumenpay" } } };
      case "ListProjects":
        return { operation, body: { page: Number(request.query.get("page") ?? 1), projects: page(projects, request, maxPerPage).map((p) => ({ id: p.slug, slug: p.slug, name: p.name, description: "", created_at: "2024-02-01T09:00:00.000Z" })) } };
      case "ListConfigs":
        if (!project) return error(404, "Could not find requested project", operation);
        return { operation, body: { page: Number(request.query.get("page") ?? 1), configs: page(project.configs, request, maxPerPage).map((c) => ({ name: c.name, root: !c.name.includes("_"), locked: false, environment: c.environment, project: project.slug, created_at: "2024-02-01T09:00:00.000Z" })) } };
      case "ListSecretNames": {
        if (!config) return error(404, "Could not find requested config", operation);
        const managed = request.query.get("include_managed_secrets") === "true" ? ["DOPPLER_CONFIG", "DOPPLER_ENVIRONMENT", "DOPPLER_PROJECT"] : [];
        return { operation, body: { names: [...config.names, ...managed] } };
      }
      case "ListSecretsWithValues":
      case "DownloadSecrets":
        return { operation, body: { secrets: Object.fromEntries((config?.names ?? []).map((n) => [n, { raw: DOPPLER_VALUE_SENTINEL, computed: DOPPLER_VALUE_SENTINEL }])) } };
      case "GetSecretValue":
        return { operation, body: { name: request.query.get("name"), value: { raw: DOPPLER_VALUE_SENTINEL, computed: DOPPLER_VALUE_SENTINEL } } };
      default:
        return error(404, "Not found", operation);
    }
  };
}

export function startDopplerWire(options: DopplerWireOptions = {}): Promise<WireServer> {
  return startWireServer(createDopplerHandler(options));
}
