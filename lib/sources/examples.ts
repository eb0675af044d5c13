// What the "Add source" form starts from for each store: an example configuration (no
// credentials — only where they come from) and a line on how the worker authenticates.
import type { SourceKind } from "@/lib/sources/types";

export const SOURCE_EXAMPLES: Record<Exclude<SourceKind, "inventory_file">, { config: Record<string, unknown>; credentials: string }> = {
  aws_secrets_manager: {
    config: { regions: ["us-east-1"], accountLabel: "production" },
    credentials: "The standard AWS credential chain of the worker: environment (AWS_ACCESS_KEY_ID…), profile, SSO or instance role.",
  },
  vault: {
    config: { address: "https://vault.internal:8200", mount: "secret", auth: "token", tokenEnv: "VAULT_TOKEN" },
    credentials: "A token from VAULT_TOKEN (or tokenFile), or AppRole / Kubernetes auth with ids from env vars or files.",
  },
  gcp_secret_manager: {
    config: { projects: ["my-project"] },
    credentials: "Application Default Credentials of the worker (GOOGLE_APPLICATION_CREDENTIALS or workload identity).",
  },
  azure_key_vault: {
    config: { vaultUrl: "https://my-vault.vault.azure.net" },
    credentials: "DefaultAzureCredential of the worker (AZURE_CLIENT_ID/AZURE_TENANT_ID/AZURE_CLIENT_SECRET, managed identity…).",
  },
  github_actions: {
    config: { org: "my-org", tokenEnv: "GITHUB_TOKEN" },
    credentials: "A read-only token from GITHUB_TOKEN (or tokenFile).",
  },
  kubernetes: {
    config: { clusterName: "prod-eu", namespaces: ["payments", "platform"] },
    credentials: "The worker's in-cluster service account, or kubeconfigFile.",
  },
  doppler: {
    config: { projects: ["backend"], tokenEnv: "DOPPLER_TOKEN" },
    credentials: "A read-only service account token from DOPPLER_TOKEN (or tokenFile).",
  },
  onepassword: {
    config: { connectUrl: "http://onepassword-connect:8080", tokenEnv: "OP_CONNECT_TOKEN" },
    credentials: "A 1Password Connect token from OP_CONNECT_TOKEN (or tokenFile).",
  },
  infisical: {
    config: { siteUrl: "https://app.infisical.com", projectId: "…", environments: ["prod"], clientIdEnv: "INFISICAL_CLIENT_ID", clientSecretEnv: "INFISICAL_CLIENT_SECRET" },
    credentials: "A machine identity (Universal Auth) whose client id and secret come from env vars or files.",
  },
  sops: {
    config: { repoPath: "/srv/checkouts/infrastructure" },
    credentials: "Read access to a checkout of the repository; nothing is decrypted, so no KMS or age key is needed.",
  },
};
