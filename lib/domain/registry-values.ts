// The closed vocabularies of the registry. Pure, so the schema (pgEnum), the request schemas
// (lib/validation) and browser code share one list instead of importing the database schema.
export const SOURCE_KIND_VALUES = [
  "aws_secrets_manager",
  "vault",
  "gcp_secret_manager",
  "azure_key_vault",
  "doppler",
  "onepassword",
  "infisical",
  "kubernetes",
  "github_actions",
  "sops",
  "inventory_file",
] as const;
export const ENVIRONMENTS = ["prod", "staging", "dev"] as const;
export const SECRET_KINDS = [
  "api_key",
  "database_credential",
  "oauth_client",
  "signing_key",
  "access_token",
  "webhook_secret",
  "certificate",
  "ssh_key",
  "password",
  "encryption_key",
] as const;
export const PRIVILEGES = ["admin", "write", "read"] as const;
export const LIFETIMES = ["static", "short_lived"] as const;
export const CONSUMER_KINDS = ["service", "ci_pipeline", "job", "saas_integration"] as const;
export const LOCATION_KINDS = ["store", "repo_file", "ci_variable", "laptop", "saas_tool", "chat", "backup"] as const;

