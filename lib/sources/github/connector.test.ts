import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { nextLink } from "@/lib/sources/github/client";
import { githubConfigSchema } from "@/lib/sources/github/config";
import { githubActionsConnector } from "@/lib/sources/github/connector";
import { SourceError } from "@/lib/sources/source-error";
import { DEFAULT_TAG_KEYS } from "@/lib/sources/tag-mapping";
import { collect, failure } from "@/lib/sources/testing";
import type { SecretMetadata } from "@/lib/sources/types";
import { githubFaults, GITHUB_WIRE_TOKEN, sampleGitHubData, startGitHubWireServer, type GitHubWireOptions } from "@/test/wire/github";
import type { WireServer } from "@/test/wire/wire-server";

let server: WireServer | undefined;
beforeEach(() => {
  vi.stubEnv("KEYLEDGER_CREDENTIAL_ENV", "GITHUB_TOKEN");
  vi.stubEnv("GITHUB_TOKEN", GITHUB_WIRE_TOKEN);
});
afterEach(async () => {
  await server?.close();
  server = undefined;
  vi.unstubAllEnvs();
});

async function start(options: Partial<GitHubWireOptions> = {}) {
  server = await startGitHubWireServer({ ...sampleGitHubData(), ...options });
  return server;
}

const context = (config: Record<string, unknown> = {}) => ({
  config: githubConfigSchema.parse({ org: "lumenpay", apiUrl: server?.url, ...config }),
  tagKeys: DEFAULT_TAG_KEYS,
  fetch,
});

function list(config: Record<string, unknown> = {}): Promise<SecretMetadata[]> {
  return collect(githubActionsConnector.listSecrets(context(config)));
}

const WRITE_ONLY = ["get-org-public-key", "get-repo-public-key", "get-environment-public-key", "get-org-secret", "get-repo-secret", "get-environment-secret", "write"];

describe("github actions connector", () => {
  it("calls only the list endpoints — never public keys or single secrets", async () => {
    const wire = await start();
    const secrets = await list();
    expect(wire.operations()).toEqual(["list-environment-secrets", "list-environments", "list-org-repos", "list-org-secret-repos", "list-org-secrets", "list-repo-secrets"]);
    expect(wire.calls.some((c) => WRITE_ONLY.includes(c.operation))).toBe(false);
    expect(wire.calls.filter((c) => c.operation === "list-org-secret-repos").map((c) => c.path)).toEqual(["/orgs/lumenpay/actions/secrets/STRIPE_WEBHOOK_SIGNING/repositories"]);
    expect(wire.calls.every((c) => c.query.includes("per_page=100"))).toBe(true);
    expect(secrets).toHaveLength(3 + 4 + 4);
  });

  it("maps org, repository and environment secrets with scope, visibility and consumers", async () => {
    await start();
    const byId = Object.fromEntries((await list()).map((s) => [s.externalId, s]));
    expect(byId["org:lumenpay:NPM_TOKEN"]).toMatchObject({
      name: "lumenpay:NPM_TOKEN",
      consumers: ["lumenpay/api", "lumenpay/billing-worker", "lumenpay/web", "lumenpay/infra"],
      tags: { scope: "organization", visibility: "all" },
      createdAt: new Date("2024-01-10T00:00:00Z"),
      lastRotatedAt: new Date("2024-04-09T00:00:00Z"),
      place: expect.stringMatching(/^GitHub Actions \(org lumenpay at 127\.0\.0\.1:\d+\)$/),
    });
    expect(byId["org:lumenpay:SENTRY_AUTH_TOKEN"]?.consumers).toEqual(["lumenpay/api", "lumenpay/billing-worker", "lumenpay/infra"]);
    expect(byId["org:lumenpay:STRIPE_WEBHOOK_SIGNING"]).toMatchObject({ consumers: ["lumenpay/api", "lumenpay/billing-worker"], readers: ["lumenpay/api", "lumenpay/billing-worker"], tags: { visibility: "selected" } });
    expect(byId["repo:lumenpay/api:DEPLOY_KEY"]).toMatchObject({ name: "lumenpay/api:DEPLOY_KEY", consumers: ["lumenpay/api"], environment: null, tags: { scope: "repository" }, updatedAt: new Date("2024-02-19T00:00:00Z") });
    expect(byId["env:lumenpay/api:production:AWS_DEPLOY_ROLE_ARN"]).toMatchObject({ environment: "prod", tags: { scope: "environment", environment: "production" } });
    expect(byId["env:lumenpay/api:staging:AWS_DEPLOY_ROLE_ARN"]?.environment).toBe("staging");
    expect(byId["env:lumenpay/api:review-apps:PREVIEW_TOKEN"]?.environment).toBeNull();
    expect(byId["env:lumenpay/billing-worker:prod:ADYEN_API_KEY"]?.environment).toBe("prod");
    expect(Object.values(byId).every((s) => Object.keys(s.owners).length === 0)).toBe(true);
  });

  it("follows Link headers: 250 repository secrets take 3 pages", async () => {
    const data = sampleGitHubData();
    const many = Array.from({ length: 250 }, (_, i) => ({ name: `KEY_${String(i).padStart(3, "0")}`, createdAt: "2024-01-01T00:00:00Z", updatedAt: "2024-01-02T00:00:00Z" }));
    const wire = await start({ repos: [{ name: "api", secrets: many }] });
    const secrets = await list({ repos: ["api"] });
    const pages = wire.calls.filter((c) => c.operation === "list-repo-secrets");
    expect(pages.map((c) => new URLSearchParams(c.query).get("page") ?? "1")).toEqual(["1", "2", "3"]);
    expect(secrets.filter((s) => s.tags.scope === "repository").map((s) => s.name)).toEqual(many.map((s) => `lumenpay/api:${s.name}`));
    expect(secrets.filter((s) => s.tags.scope === "organization")).toHaveLength(data.org.secrets.length);
  });

  it("reads only the configured repositories, and can skip environments", async () => {
    const wire = await start();
    const secrets = await list({ repos: ["lumenpay/web", "billing-worker"], includeEnvironments: false });
    expect(wire.operations()).toEqual(["list-org-secret-repos", "list-org-secrets", "list-repo-secrets"]);
    expect(secrets.filter((s) => s.tags.scope === "repository").map((s) => s.name)).toEqual(["lumenpay/web:VERCEL_TOKEN", "lumenpay/billing-worker:LEDGER_SIGNING_KEY"]);
    // Which configured repositories are private is unknown, so "private" visibility names no consumer.
    expect(secrets.find((s) => s.name === "lumenpay:SENTRY_AUTH_TOKEN")?.consumers).toEqual([]);
  });

  it("waits for x-ratelimit-reset after a rate-limit 403, then carries on", async () => {
    const wire = await start({ faults: [githubFaults.rateLimited(1, 1)] });
    const started = Date.now();
    expect(await list()).toHaveLength(11);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(wire.calls.filter((c) => c.status === 403)).toHaveLength(1);
  });

  it("honours Retry-After on a secondary rate limit", async () => {
    const wire = await start({ faults: [githubFaults.secondaryLimit(2)] });
    expect(await list()).toHaveLength(11);
    expect(wire.calls.filter((c) => c.status === 429)).toHaveLength(2);
  });

  it("fails fast as throttled when the rate limit resets far in the future", async () => {
    const wire = await start({ faults: [githubFaults.rateLimited(1, 3600)] });
    const error = await failure(list());
    expect(error.code).toBe("throttled");
    expect(error.message).toContain("resets at");
    expect(wire.calls.filter((c) => c.operation === "list-repo-secrets")).toHaveLength(1);
  });

  it("reports a bad token as an auth error", async () => {
    vi.stubEnv("GITHUB_TOKEN", "not-the-wire-token");
    await start();
    const error = await failure(list());
    expect(error.code).toBe("auth");
    expect(error.message).toContain("Bad credentials");
    expect(error.message).not.toContain("not-the-wire-token");
  });

  it("names the missing permission on a 403", async () => {
    await start({ faults: [githubFaults.notPermitted("list-org-secrets", "organization_secrets=read")] });
    const error = await failure(list());
    expect(error.code).toBe("forbidden");
    expect(error.missingPermission).toContain('"Secrets" organization permission (read)');
    expect(error.missingPermission).toContain("admin:org");
    expect(error.message).toContain("GET /orgs/lumenpay/actions/secrets");
    expect(error.message).toContain("organization_secrets=read");
  });

  it("rejects a truncated body as malformed", async () => {
    await start({ faults: [githubFaults.malformed("list-repo-secrets")] });
    expect((await failure(list())).code).toBe("malformed");
  });

  it("tests the connection with one small read of the organization's secrets", async () => {
    const wire = await start();
    const { detail } = await githubActionsConnector.testConnection(context());
    expect(detail).toContain("3 organization secrets");
    expect(wire.calls.map((c) => [c.operation, new URLSearchParams(c.query).get("per_page")])).toEqual([["list-org-secrets", "1"]]);
  });

  it("works against GitHub Enterprise Server's /api/v3", async () => {
    const wire = await start();
    expect(await list({ apiUrl: `${wire.url}/api/v3/` })).toHaveLength(11);
    expect(wire.calls.every((c) => c.path.startsWith("/api/v3/"))).toBe(true);
  });

  it("never follows a next page to another host", () => {
    expect(nextLink('<https://api.github.com/x?page=2>; rel="next"', "https://api.github.com")).toBe("https://api.github.com/x?page=2");
    expect(() => nextLink('<https://evil.example/x?page=2>; rel="next"', "https://api.github.com")).toThrow(SourceError);
    expect(nextLink('<https://api.github.com/x?page=1>; rel="prev"', "https://api.github.com")).toBeUndefined();
  });

  it("describes a read-only token in the policy", () => {
    const policy = githubActionsConnector.policy(githubConfigSchema.parse({ org: "lumenpay" }));
    expect(policy.format).toBe("text");
    expect(policy.text).toContain("Secrets: Read-only");
    expect(policy.text).toContain("Environments: Read-only");
    expect(policy.text).toContain("admin:org");
    expect(policy.text).not.toMatch(/Read and write/i);
    expect(policy.notes).toContain("GITHUB_TOKEN");
  });
});
