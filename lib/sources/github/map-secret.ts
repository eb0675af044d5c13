// GitHub Actions secret metadata → SecretMetadata. GitHub moves updated_at when the value
// changes, so it is the last rotation. Consumers are the repositories whose workflows can read
// the secret; GitHub has no tags or owners, so those stay unknown.
import { DEFAULT_GITHUB_API, type GitHubConfig } from "@/lib/sources/github/config";
import type { OrgSecret, RepoSecret } from "@/lib/sources/github/responses";
import { parseEnvironment } from "@/lib/sources/tag-mapping";
import type { SecretMetadata } from "@/lib/sources/types";

export type RepoRef = { owner: string; name: string; fullName: string; private?: boolean };

function toDate(value: string): Date | null {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

export function githubPlace(config: GitHubConfig): string {
  const host = config.apiUrl === DEFAULT_GITHUB_API ? "" : ` at ${new URL(config.apiUrl).host}`;
  return `GitHub Actions (org ${config.org}${host})`;
}

function base(secret: RepoSecret, config: GitHubConfig): Pick<SecretMetadata, "createdAt" | "updatedAt" | "lastRotatedAt" | "lifetime" | "owners" | "place"> {
  const updated = toDate(secret.updated_at);
  return { createdAt: toDate(secret.created_at), updatedAt: updated, lastRotatedAt: updated, lifetime: "static", owners: {}, place: githubPlace(config) };
}

/**
 * "selected": the listed repositories. "all": every repository the token saw in the org.
 * "private": its private and internal ones — unknown (empty) when the repositories were configured
 * by name, since then Keyledger never learns which are private.
 */
export function orgSecretToMetadata(secret: OrgSecret, config: GitHubConfig, selected: string[] | null, orgRepos: RepoRef[] | null): SecretMetadata {
  const consumers =
    secret.visibility === "selected" ? (selected ?? [])
    : !orgRepos ? []
    : orgRepos.filter((repo) => secret.visibility === "all" || repo.private).map((repo) => repo.fullName);
  return {
    externalId: `org:${config.org}:${secret.name}`,
    name: `${config.org}:${secret.name}`,
    environment: null,
    ...base(secret, config),
    consumers,
    readers: secret.visibility === "selected" ? (selected ?? []) : undefined,
    tags: { scope: "organization", visibility: secret.visibility },
  };
}

export function repoSecretToMetadata(secret: RepoSecret, repo: RepoRef, config: GitHubConfig): SecretMetadata {
  return {
    externalId: `repo:${repo.fullName}:${secret.name}`,
    name: `${repo.fullName}:${secret.name}`,
    environment: null,
    ...base(secret, config),
    consumers: [repo.fullName],
    tags: { scope: "repository", visibility: "repository", repository: repo.fullName },
  };
}

export function environmentSecretToMetadata(secret: RepoSecret, repo: RepoRef, environment: string, config: GitHubConfig): SecretMetadata {
  return {
    externalId: `env:${repo.fullName}:${environment}:${secret.name}`,
    name: `${repo.fullName}:${environment}:${secret.name}`,
    environment: parseEnvironment(environment),
    ...base(secret, config),
    consumers: [repo.fullName],
    tags: { scope: "environment", visibility: "environment", repository: repo.fullName, environment },
  };
}
