// Display helpers shared by pages, islands and exports. Pure: `now` is passed in where it matters.
const DAY = 86_400_000;

export function daysSince(iso: string | Date | null, now = new Date()): number | null {
  if (!iso) return null;
  return Math.floor((now.getTime() - new Date(iso).getTime()) / DAY);
}

export function relativeDays(iso: string | Date | null, now = new Date()): string | null {
  const days = daysSince(iso, now);
  if (days === null || iso === null) return null;
  if (days <= 0) {
    const minutes = Math.max(0, Math.round((now.getTime() - new Date(iso).getTime()) / 60_000));
    if (minutes < 1) return "just now";
    return minutes < 60 ? `${minutes} min ago` : `${Math.floor(minutes / 60)} h ago`;
  }
  if (days === 1) return "yesterday";
  if (days < 60) return `${days} days ago`;
  if (days < 730) return `${Math.round(days / 30.4)} months ago`;
  return `${(days / 365).toFixed(1)} years ago`;
}

export function formatDate(iso: string | Date | null): string | null {
  if (!iso) return null;
  return new Date(iso).toISOString().slice(0, 10);
}

export function formatDateTime(iso: string | Date): string {
  return new Date(iso).toISOString().replace("T", " ").slice(0, 16) + " UTC";
}

export function formatTtl(seconds: number | null): string | null {
  if (seconds === null) return null;
  if (seconds % 86_400 === 0) return `${seconds / 86_400} d`;
  if (seconds % 3_600 === 0) return `${seconds / 3_600} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}

export const LABELS: Record<string, string> = {
  prod: "Production",
  staging: "Staging",
  dev: "Development",
  static: "Static",
  short_lived: "Short-lived",
  creator: "Creator",
  operator: "Operator",
  approver: "Approver",
  incident_commander: "Incident commander",
  api_key: "API key",
  database_credential: "Database credential",
  oauth_client: "OAuth client",
  signing_key: "Signing key",
  access_token: "Access token",
  webhook_secret: "Webhook secret",
  certificate: "Certificate",
  ssh_key: "SSH key",
  password: "Password",
  encryption_key: "Encryption key",
  aws_secrets_manager: "AWS Secrets Manager",
  vault: "Vault KV",
  gcp_secret_manager: "GCP Secret Manager",
  azure_key_vault: "Azure Key Vault",
  doppler: "Doppler",
  onepassword: "1Password",
  infisical: "Infisical",
  kubernetes: "Kubernetes",
  github_actions: "GitHub Actions",
  sops: "SOPS file",
  inventory_file: "Inventory file",
  store: "Secret store",
  repo_file: "Repository file",
  ci_variable: "CI variable",
  laptop: "Laptop",
  saas_tool: "SaaS tool",
  chat: "Chat",
  backup: "Backup",
  service: "Service",
  ci_pipeline: "CI pipeline",
  job: "Job",
  saas_integration: "SaaS integration",
  admin: "Admin",
  write: "Write",
  read: "Read",
};

export const label = (value: string) => LABELS[value] ?? value;
