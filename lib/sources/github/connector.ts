// GitHub Actions secrets, read over the documented REST API. Only list endpoints are called:
//   GET /orgs/{org}/repos                                   (when no repositories are configured)
//   GET /orgs/{org}/actions/secrets                          (+ …/{name}/repositories when "selected")
//   GET /repos/{owner}/{repo}/actions/secrets
//   GET /repos/{owner}/{repo}/environments                   (when includeEnvironments)
//   GET /repos/{owner}/{repo}/environments/{env}/secrets
// GitHub never returns secret values; the public-key endpoints exist only to write secrets and
// are never called.
import { connectGitHub, type GitHubClient } from "@/lib/sources/github/client";
import { GITHUB_TOKEN, githubConfigSchema, type GitHubConfig } from "@/lib/sources/github/config";
import { environmentSecretToMetadata, githubPlace, orgSecretToMetadata, repoSecretToMetadata, type RepoRef } from "@/lib/sources/github/map-secret";
import { GITHUB_PERMISSIONS } from "@/lib/sources/github/permissions";
import { githubPolicy } from "@/lib/sources/github/policy";
import { environmentsPage, orgReposPage, orgSecretsPage, secretsPage, selectedReposPage, type Repository } from "@/lib/sources/github/responses";
import type { Connector } from "@/lib/sources/types";

const seg = encodeURIComponent;
const toRef = (repo: Repository): RepoRef => {
  const [owner = "", name = repo.name] = repo.full_name.split("/");
  return { owner, name, fullName: repo.full_name, private: repo.private };
};

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

function orgRepos(client: GitHubClient, org: string): Promise<Repository[]> {
  return collect(client.paginate({ path: `/orgs/${seg(org)}/repos?type=all`, schema: orgReposPage, items: (page) => page, permission: GITHUB_PERMISSIONS.orgRepos }));
}

function configuredRepos(config: GitHubConfig): RepoRef[] {
  return (config.repos ?? []).map((value) => {
    const [owner, name] = value.includes("/") ? value.split("/") : [config.org, value];
    return { owner: owner ?? config.org, name: name ?? value, fullName: `${owner}/${name}` };
  });
}

export const githubActionsConnector: Connector<GitHubConfig> = {
  kind: "github_actions",
  label: "GitHub Actions secrets",
  provides: ["externalId", "name", "environment", "lifetime", "createdAt", "updatedAt", "lastRotatedAt", "tags", "consumers", "readers", "place"],
  configSchema: githubConfigSchema,
  policy: githubPolicy,
  credentials: () => [GITHUB_TOKEN],

  async testConnection(ctx) {
    const client = await connectGitHub(ctx);
    const { org } = ctx.config;
    let total = 0;
    for await (const page of client.paginate({ path: `/orgs/${seg(org)}/actions/secrets`, perPage: 1, schema: orgSecretsPage, items: (p) => [p], permission: GITHUB_PERMISSIONS.orgSecrets })) {
      total = page.total_count;
      break;
    }
    return { detail: `Read ${githubPlace(ctx.config)}: ${total} organization ${total === 1 ? "secret" : "secrets"}. Repository and environment secrets are read at sync.` };
  },

  async *listSecrets(ctx) {
    const { config } = ctx;
    const client = await connectGitHub(ctx);
    const org = seg(config.org);
    const listed = config.repos ? null : (await orgRepos(client, config.org)).map(toRef);
    const repos = listed ?? configuredRepos(config);

    for await (const secret of client.paginate({ path: `/orgs/${org}/actions/secrets`, schema: orgSecretsPage, items: (p) => p.secrets, permission: GITHUB_PERMISSIONS.orgSecrets })) {
      const selected =
        secret.visibility === "selected"
          ? (await collect(client.paginate({ path: `/orgs/${org}/actions/secrets/${seg(secret.name)}/repositories`, schema: selectedReposPage, items: (p) => p.repositories, permission: GITHUB_PERMISSIONS.orgSecrets }))).map((r) => r.full_name)
          : null;
      yield orgSecretToMetadata(secret, config, selected, listed);
    }

    for (const repo of repos) {
      const base = `/repos/${seg(repo.owner)}/${seg(repo.name)}`;
      for await (const secret of client.paginate({ path: `${base}/actions/secrets`, schema: secretsPage, items: (p) => p.secrets, permission: GITHUB_PERMISSIONS.repoSecrets })) {
        yield repoSecretToMetadata(secret, repo, config);
      }
      if (!config.includeEnvironments) continue;
      // A repository without environments (or whose plan has none) answers 404: nothing to read.
      const environments = await collect(client.paginate({ path: `${base}/environments`, schema: environmentsPage, items: (p) => p.environments, permission: GITHUB_PERMISSIONS.environments, allowNotFound: true }));
      for (const { name } of environments) {
        for await (const secret of client.paginate({ path: `${base}/environments/${seg(name)}/secrets`, schema: secretsPage, items: (p) => p.secrets, permission: GITHUB_PERMISSIONS.environmentSecrets })) {
          yield environmentSecretToMetadata(secret, repo, name, config);
        }
      }
    }
  },
};
