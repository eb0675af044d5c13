// The token Keyledger needs for GitHub Actions secret metadata, as text to paste into GitHub's
// token form. Read-only throughout; the public-key endpoints (for writing secrets) are not used.
import type { GitHubConfig } from "@/lib/sources/github/config";
import { GITHUB_PERMISSIONS } from "@/lib/sources/github/permissions";
import type { LeastPrivilegePolicy } from "@/lib/sources/types";

export function githubPolicy(config: GitHubConfig): LeastPrivilegePolicy {
  const repos = config.repos ? `only these repositories: ${config.repos.join(", ")}` : "All repositories";
  const lines = [
    `Fine-grained personal access token (recommended) or GitHub App installation`,
    `  Resource owner: ${config.org}`,
    `  Repository access: ${repos}`,
    `  Organization permissions:`,
    `    Secrets: Read-only        GET /orgs/${config.org}/actions/secrets, GET /orgs/${config.org}/actions/secrets/{name}/repositories`,
    `  Repository permissions:`,
    `    Metadata: Read-only       GET /orgs/${config.org}/repos (always included)`,
    `    Secrets: Read-only        GET /repos/{owner}/{repo}/actions/secrets`,
    ...(config.includeEnvironments
      ? [
          `    Actions: Read-only        GET /repos/{owner}/{repo}/environments`,
          `    Environments: Read-only   GET /repos/{owner}/{repo}/environments/{environment}/secrets (with Secrets: Read-only)`,
        ]
      : []),
    `  Everything else: No access.`,
    ``,
    `Classic personal access token (only if fine-grained tokens are not allowed): scopes repo and admin:org.`,
    `GitHub has no read-only classic scope for organization secrets, so that token could also change them.`,
  ];
  return {
    title: `GitHub token for Actions secret metadata in ${config.org}`,
    format: "text",
    text: `${lines.join("\n")}\n`,
    notes:
      `Store the token in ${config.tokenFile ? `the file ${config.tokenFile}` : `the environment variable ${config.tokenEnv ?? "GITHUB_TOKEN"}`} of the Keyledger worker. ` +
      `If the organization enforces SAML SSO, authorize the token for it. Per endpoint: ${Object.values(GITHUB_PERMISSIONS).join(" · ")}.`,
  };
}
