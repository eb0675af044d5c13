// What each endpoint needs, from GitHub's REST reference (API version 2022-11-28): the
// fine-grained token permission, then the classic-token scope. Named in 403 errors and the policy.
export const GITHUB_PERMISSIONS = {
  orgRepos: 'fine-grained: "Metadata" repository permission (read); classic token: repo for private repositories',
  orgSecrets: 'fine-grained: "Secrets" organization permission (read); classic token: admin:org (and repo for private repositories)',
  repoSecrets: 'fine-grained: "Secrets" repository permission (read); classic token: repo',
  environments: 'fine-grained: "Actions" repository permission (read); classic token: repo',
  environmentSecrets: 'fine-grained: "Environments" and "Secrets" repository permissions (read); classic token: repo',
} as const;
