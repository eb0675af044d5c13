// A GitHub REST server for Actions secrets, speaking the documented JSON (API 2022-11-28):
// {total_count, secrets|repositories|environments}, Link-header pagination (per_page ≤ 100),
// x-ratelimit-* headers, 401 "Bad credentials", 403 rate-limit and permission answers. It also
// answers the single-secret and public-key endpoints (used only to write secrets) under their
// own operation names, so tests can prove a connector never calls them.
import { createFaults, startWireServer, type WireRequest, type WireResponse, type WireServer } from "@/test/wire/wire-server";

export type WireGitHubSecret = { name: string; createdAt: string; updatedAt: string };
export type WireGitHubOrgSecret = WireGitHubSecret & { visibility: "all" | "private" | "selected"; selectedRepos?: string[] };
export type WireGitHubRepo = { name: string; private?: boolean; secrets: WireGitHubSecret[]; environments?: Record<string, WireGitHubSecret[]> };
export type WireGitHubOrg = { login: string; secrets: WireGitHubOrgSecret[] };

export type GitHubOperation =
  | "list-org-repos" | "list-org-secrets" | "list-org-secret-repos" | "list-repo-secrets" | "list-environments" | "list-environment-secrets"
  | "get-org-secret" | "get-repo-secret" | "get-environment-secret"
  | "get-org-public-key" | "get-repo-public-key" | "get-environment-public-key"
  | "legacy-environment-secrets" | "write" | "unknown";

export type GitHubWireFault = {
  operation?: GitHubOperation;
  times?: number;
  status: number;
  /** Default: GitHub's {"message", "documentation_url"}; a string is sent as is. */
  body?: unknown;
  headers?: Record<string, string> | (() => Record<string, string>);
};

export type GitHubWireOptions = { org: WireGitHubOrg; repos: WireGitHubRepo[]; latencyMs?: number; faults?: GitHubWireFault[]; token?: string };

/** The wire server's token: it opens nothing but a local test server. */
export const GITHUB_WIRE_TOKEN = "wire-github-token";
const DOCS = "https://docs.github.com/rest";

export const githubFaults = {
  rateLimited: (times: number, resetInSeconds = 1): GitHubWireFault => ({
    operation: "list-repo-secrets",
    times,
    status: 403,
    body: { message: "API rate limit exceeded for user ID 1.", documentation_url: `${DOCS}/overview/rate-limits-for-the-rest-api` },
    headers: () => ({ "x-ratelimit-limit": "5000", "x-ratelimit-remaining": "0", "x-ratelimit-used": "5000", "x-ratelimit-resource": "core", "x-ratelimit-reset": String(Math.ceil(Date.now() / 1000) + resetInSeconds) }),
  }),
  secondaryLimit: (times: number): GitHubWireFault => ({ operation: "list-org-secrets", times, status: 429, headers: { "retry-after": "0" }, body: { message: "You have exceeded a secondary rate limit.", documentation_url: DOCS } }),
  notPermitted: (operation: GitHubOperation, accepted: string): GitHubWireFault => ({
    operation,
    status: 403,
    headers: { "x-accepted-github-permissions": accepted },
    body: { message: "Resource not accessible by personal access token", documentation_url: DOCS, status: "403" },
  }),
  malformed: (operation: GitHubOperation): GitHubWireFault => ({ operation, status: 200, body: "{\"total_count\": 3, \"secrets\": [" }),
};

function classify(method: string, parts: string[]): GitHubOperation {
  if (method !== "GET") return "write";
  const [root, , b, c, d, e, f] = parts;
  if (root === "orgs" && b === "repos" && parts.length === 3) return "list-org-repos";
  if (root === "orgs" && b === "actions" && c === "secrets") {
    if (parts.length === 4) return "list-org-secrets";
    if (d === "public-key") return "get-org-public-key";
    return e === "repositories" ? "list-org-secret-repos" : "get-org-secret";
  }
  if (root === "repos" && c === "actions" && d === "secrets") return parts.length === 5 ? "list-repo-secrets" : e === "public-key" ? "get-repo-public-key" : "get-repo-secret";
  if (root === "repos" && c === "environments") {
    if (parts.length === 4) return "list-environments";
    if (e === "secrets") return parts.length === 6 ? "list-environment-secrets" : f === "public-key" ? "get-environment-public-key" : "get-environment-secret";
  }
  if (root === "repositories" && b === "environments") return "legacy-environment-secrets";
  return "unknown";
}

const secretJson = (s: WireGitHubSecret) => ({ name: s.name, created_at: s.createdAt, updated_at: s.updatedAt });

export async function startGitHubWireServer(options: GitHubWireOptions): Promise<WireServer> {
  const { org } = options;
  const token = options.token ?? GITHUB_WIRE_TOKEN;
  const takeFault = createFaults(options.faults, Infinity);
  const repos = new Map(options.repos.map((r) => [r.name, r]));
  let remaining = 5000;
  const reset = Math.ceil(Date.now() / 1000) + 3600;
  const repoJson = (r: WireGitHubRepo, id: number) => ({ id, node_id: `R_${id}`, name: r.name, full_name: `${org.login}/${r.name}`, private: r.private ?? true, visibility: r.private === false ? "public" : "private", archived: false, owner: { login: org.login, id: 1, type: "Organization" } });

  const handle = (request: WireRequest): WireResponse => {
    // GitHub Enterprise Server serves the same API under /api/v3.
    const parts = request.path.replace(/^\/api\/v3(?=\/)/, "").split("/").filter(Boolean);
    const operation = classify(request.method, parts);
    const base = { "x-ratelimit-limit": "5000", "x-ratelimit-remaining": String(Math.max(0, --remaining)), "x-ratelimit-reset": String(reset), "x-ratelimit-resource": "core", "x-github-api-version-selected": "2022-11-28" };
    const fault = takeFault(operation);
    if (fault) {
      const extra = typeof fault.headers === "function" ? fault.headers() : fault.headers;
      return { operation, status: fault.status, headers: { ...base, ...extra }, body: fault.body ?? { message: `fault ${fault.status}`, documentation_url: DOCS } };
    }
    if (request.headers.authorization !== `Bearer ${token}` && request.headers.authorization !== `token ${token}`) {
      return { operation, status: 401, headers: base, body: { message: "Bad credentials", documentation_url: DOCS, status: "401" } };
    }
    const notFound: WireResponse = { operation, status: 404, headers: base, body: { message: "Not Found", documentation_url: DOCS, status: "404" } };
    const [, owner, name, , env] = parts;
    if (owner !== org.login) return notFound;
    const repo = parts[0] === "repos" ? repos.get(name ?? "") : undefined;
    if (parts[0] === "repos" && !repo) return notFound;

    const page = <T>(items: T[], wrap: (slice: T[]) => unknown): WireResponse => {
      const perPage = Math.min(100, Number(request.query.get("per_page") ?? 30) || 30);
      const number = Math.max(1, Number(request.query.get("page") ?? 1) || 1);
      const last = Math.max(1, Math.ceil(items.length / perPage));
      const link = (n: number, rel: string) => {
        const query = new URLSearchParams(request.query);
        query.set("page", String(n));
        return `<http://${request.headers.host}${request.path}?${query}>; rel="${rel}"`;
      };
      const links = [...(number < last ? [link(number + 1, "next"), link(last, "last")] : []), ...(number > 1 ? [link(1, "first"), link(number - 1, "prev")] : [])];
      return { operation, headers: { ...base, ...(links.length ? { link: links.join(", ") } : {}) }, body: wrap(items.slice((number - 1) * perPage, number * perPage)) };
    };

    switch (operation) {
      case "list-org-repos":
        return page(options.repos.map((r, i) => repoJson(r, i + 100)), (slice) => slice);
      case "list-org-secrets":
        return page(org.secrets, (slice) => ({
          total_count: org.secrets.length,
          secrets: slice.map((s) => ({ ...secretJson(s), visibility: s.visibility, ...(s.visibility === "selected" ? { selected_repositories_url: `http://${request.headers.host}/orgs/${org.login}/actions/secrets/${s.name}/repositories` } : {}) })),
        }));
      case "list-org-secret-repos": {
        const secret = org.secrets.find((s) => s.name === parts[4]);
        if (!secret) return notFound;
        const selected = options.repos.map((r, i) => ({ r, i })).filter(({ r }) => secret.selectedRepos?.includes(r.name)).map(({ r, i }) => repoJson(r, i + 100));
        return page(selected, (slice) => ({ total_count: selected.length, repositories: slice }));
      }
      case "list-repo-secrets":
        return page(repo?.secrets ?? [], (slice) => ({ total_count: repo?.secrets.length ?? 0, secrets: slice.map(secretJson) }));
      case "list-environments": {
        const names = Object.keys(repo?.environments ?? {});
        return page(names, (slice) => ({ total_count: names.length, environments: slice.map((n, i) => ({ id: i + 1, node_id: `EN_${i + 1}`, name: n, url: "", html_url: "", created_at: "2024-01-01T00:00:00Z", updated_at: "2024-01-01T00:00:00Z", protection_rules: [], deployment_branch_policy: null })) }));
      }
      case "list-environment-secrets": {
        const secrets = repo?.environments?.[env ?? ""];
        if (!secrets) return notFound;
        return page(secrets, (slice) => ({ total_count: secrets.length, secrets: slice.map(secretJson) }));
      }
      case "get-org-public-key":
      case "get-repo-public-key":
      case "get-environment-public-key":
        return { operation, headers: base, body: { key_id: "wire-key-id", key: "d2lyZS1wdWJsaWMta2V5LW5vdC1hLWtleQ==" } };
      default:
        return notFound;
    }
  };

  return startWireServer(handle, { latencyMs: options.latencyMs });
}

const at = (day: number) => new Date(Date.UTC(2024, 0, 10) + day * 86_400_000).toISOString().replace(".000Z", "Z");
const secret = (name: string, day: number, rotatedAfterDays = 0): WireGitHubSecret => ({ name, createdAt: at(day), updatedAt: at(day + rotatedAfterDays) });

/** Deterministic org "lumenpay": org secrets of each visibility, repo and environment secrets. */
export function sampleGitHubData(): { org: WireGitHubOrg; repos: WireGitHubRepo[] } {
  return {
    org: {
      login: "lumenpay",
      secrets: [
        { ...secret("NPM_TOKEN", 0, 90), visibility: "all" },
        { ...secret("SENTRY_AUTH_TOKEN", 3), visibility: "private" },
        { ...secret("STRIPE_WEBHOOK_SIGNING", 5, 40), visibility: "selected", selectedRepos: ["api", "billing-worker"] },
      ],
    },
    repos: [
      {
        name: "api",
        secrets: [secret("DEPLOY_KEY", 10, 30), secret("DATABASE_URL_MIGRATOR", 12)],
        environments: { production: [secret("AWS_DEPLOY_ROLE_ARN", 20, 60)], staging: [secret("AWS_DEPLOY_ROLE_ARN", 21)], "review-apps": [secret("PREVIEW_TOKEN", 22)] },
      },
      { name: "billing-worker", secrets: [secret("LEDGER_SIGNING_KEY", 15, 120)], environments: { prod: [secret("ADYEN_API_KEY", 25)] } },
      { name: "web", private: false, secrets: [secret("VERCEL_TOKEN", 30)] },
      { name: "infra", secrets: [] },
    ],
  };
}
