// Lumen Pay, the demo company: a 25-person fintech. People, sources and consumers are written
// out by hand; secrets are built from the catalog in demo-catalog.ts.
import type { AppRole } from "@/db/schema";
import type { NewConsumer, NewSource } from "@/db/seed/factories";

export const DEMO_DOMAIN = "lumenpay.example";
export const AWS_PROD_ACCOUNT = "418273645091";
export const AWS_STAGING_ACCOUNT = "527364918203";
export const AWS_REGION = "us-east-1";
/** Offboarded contractor: left this many days before `now`. */
export const JONAS_OFFBOARDED_DAYS_AGO = 61;

export type Team =
  | "Leadership"
  | "Security"
  | "Platform"
  | "Payments"
  | "Identity"
  | "Data"
  | "Growth"
  | "Support"
  | "Finance"
  | "Sales"
  | "External";

export type DemoPerson = {
  key: string;
  name: string;
  title: string;
  team: Team;
  role: AppRole;
  employment?: "employee" | "contractor";
  /** Offboarded this many days before `now`; active when absent. */
  offboardedDaysAgo?: number;
};

export const demoEmail = (key: string) => `${key}@${DEMO_DOMAIN}`;

// The first six are the personas of the demo sign-in page; keep them exactly as they are.
export const DEMO_PEOPLE: readonly DemoPerson[] = [
  { key: "maya", name: "Maya Chen", title: "CEO & co-founder", team: "Leadership", role: "founder" },
  { key: "sam", name: "Sam Okafor", title: "Security lead", team: "Security", role: "admin" },
  { key: "priya", name: "Priya Raman", title: "Platform engineer", team: "Platform", role: "owner" },
  { key: "leo", name: "Leo Martins", title: "Head of sales", team: "Sales", role: "sales" },
  {
    key: "erin",
    name: "Erin Walsh",
    title: "External auditor (Walsh & Partners)",
    team: "External",
    role: "auditor",
    employment: "contractor",
  },
  {
    key: "jonas",
    name: "Jonas Becker",
    title: "Contractor (payments integration)",
    team: "Payments",
    role: "owner",
    employment: "contractor",
    offboardedDaysAgo: JONAS_OFFBOARDED_DAYS_AGO,
  },
  { key: "arjun", name: "Arjun Mehta", title: "CTO & co-founder", team: "Leadership", role: "admin" },
  { key: "hannah", name: "Hannah Kowalski", title: "Staff engineer", team: "Platform", role: "owner" },
  { key: "diego", name: "Diego Alvarez", title: "Site reliability engineer", team: "Platform", role: "owner" },
  { key: "elena", name: "Elena Novak", title: "DevOps engineer", team: "Platform", role: "owner" },
  { key: "marcus", name: "Marcus Lindqvist", title: "Engineering manager, Payments", team: "Payments", role: "owner" },
  { key: "aisha", name: "Aisha Bello", title: "Payments engineer", team: "Payments", role: "owner" },
  { key: "yuki", name: "Yuki Tanaka", title: "Payments engineer", team: "Payments", role: "owner" },
  { key: "kwame", name: "Kwame Mensah", title: "Backend engineer", team: "Payments", role: "owner" },
  { key: "ben", name: "Ben Carter", title: "Identity lead", team: "Identity", role: "owner" },
  { key: "fatima", name: "Fatima Noor", title: "Identity engineer", team: "Identity", role: "owner" },
  { key: "olivia", name: "Olivia Brooks", title: "Data engineering lead", team: "Data", role: "owner" },
  { key: "ravi", name: "Ravi Shankar", title: "Analytics engineer", team: "Data", role: "owner" },
  { key: "chloe", name: "Chloé Dubois", title: "Growth engineering lead", team: "Growth", role: "owner" },
  { key: "mateo", name: "Mateo Rossi", title: "Frontend engineer", team: "Growth", role: "owner" },
  { key: "zara", name: "Zara Ahmed", title: "Product designer", team: "Growth", role: "owner" },
  { key: "grace", name: "Grace Kim", title: "Support lead", team: "Support", role: "owner" },
  { key: "noah", name: "Noah Fischer", title: "Support engineer", team: "Support", role: "owner" },
  { key: "sofia", name: "Sofia Petrova", title: "Finance lead", team: "Finance", role: "owner" },
  { key: "liam", name: "Liam O'Connor", title: "Finance operations", team: "Finance", role: "owner" },
  { key: "ines", name: "Inès Moreau", title: "Compliance manager", team: "Security", role: "owner" },
];

export type SourceKey = "aws-prod" | "aws-staging" | "vault" | "github" | "doppler" | "inventory";

export const DEMO_SOURCES: Record<SourceKey, NewSource> = {
  "aws-prod": {
    kind: "aws_secrets_manager",
    name: "AWS Secrets Manager · production",
    config: { regions: [AWS_REGION], accountLabel: `production (${AWS_PROD_ACCOUNT})` },
  },
  "aws-staging": {
    kind: "aws_secrets_manager",
    name: "AWS Secrets Manager · staging",
    config: { regions: [AWS_REGION], accountLabel: `staging (${AWS_STAGING_ACCOUNT})` },
  },
  vault: {
    kind: "vault",
    name: "Vault KV",
    config: { address: "https://vault.internal.lumenpay.example", mount: "kv" },
  },
  github: { kind: "github_actions", name: "GitHub Actions", config: { org: "lumenpay" } },
  doppler: { kind: "doppler", name: "Doppler · dev", config: { projects: ["backend", "web"], configs: ["dev"] } },
  inventory: {
    kind: "inventory_file",
    name: "Top-20 list (inventory.yaml)",
    config: { file: "security/inventory.yaml" },
  },
};

/** Services that exist in production and in staging; the staging twin is `<name>-staging`. */
const SERVICES: [name: string, team: Team, description: string][] = [
  ["payments-api", "Payments", "Charges, refunds and payouts API"],
  ["ledger-worker", "Payments", "Double-entry ledger writer"],
  ["treasury-service", "Payments", "Wallets and settlement with Fireblocks"],
  ["card-issuing-service", "Payments", "Virtual and physical card issuing"],
  ["auth-service", "Identity", "Customer sign-in, MFA and sessions"],
  ["kyc-service", "Identity", "Identity verification and sanctions screening"],
  ["web-app", "Growth", "Customer dashboard (Next.js)"],
  ["admin-portal", "Support", "Internal back office"],
  ["notifications-service", "Growth", "E-mail, SMS and push notifications"],
  ["reporting-api", "Data", "Merchant reports and exports"],
];

export const DEMO_CONSUMERS: readonly NewConsumer[] = [
  ...SERVICES.map(([name, team, description]) => ({ name, kind: "service" as const, team, description })),
  ...SERVICES.slice(0, 5).map(([name, team, description]) => ({
    name: `${name}-staging`,
    kind: "service" as const,
    team,
    description: `${description} (staging)`,
  })),
  { name: "GitHub Actions: api deploy", kind: "ci_pipeline", team: "Platform", description: "Builds and deploys the API monorepo" },
  { name: "GitHub Actions: web deploy", kind: "ci_pipeline", team: "Growth", description: "Builds and deploys web-app" },
  { name: "GitHub Actions: terraform apply", kind: "ci_pipeline", team: "Platform", description: "Applies infrastructure changes" },
  { name: "GitHub Actions: mobile release", kind: "ci_pipeline", team: "Growth", description: "Signs and ships the mobile apps" },
  { name: "GitHub Actions: db migrations", kind: "ci_pipeline", team: "Platform", description: "Runs schema migrations" },
  { name: "nightly-settlement-job", kind: "job", team: "Payments", description: "Sends settlement files to the bank" },
  { name: "snowflake-loader", kind: "job", team: "Data", description: "Loads production replicas into Snowflake" },
  { name: "dbt-nightly", kind: "job", team: "Data", description: "Builds the analytics models" },
  { name: "chargeback-sync", kind: "job", team: "Payments", description: "Pulls disputes from the card networks" },
  { name: "invoice-runner", kind: "job", team: "Finance", description: "Monthly merchant invoicing" },
  { name: "db-backup-job", kind: "job", team: "Platform", description: "Encrypted nightly database backups" },
  { name: "Zapier → HubSpot", kind: "saas_integration", team: "Sales", description: "Pushes sign-ups into the CRM" },
  { name: "Segment → Snowflake", kind: "saas_integration", team: "Data", description: "Product analytics warehouse sync" },
  { name: "Zendesk → Slack", kind: "saas_integration", team: "Support", description: "Ticket alerts to #support" },
  { name: "Retool admin", kind: "saas_integration", team: "Support", description: "Support tooling on read replicas" },
  { name: "PagerDuty → Slack", kind: "saas_integration", team: "Platform", description: "On-call alerts" },
];

/** CI pipeline that consumes a repository's GitHub Actions secrets. */
export const REPO_PIPELINES: Record<string, string> = {
  api: "GitHub Actions: api deploy",
  web: "GitHub Actions: web deploy",
  infra: "GitHub Actions: terraform apply",
  mobile: "GitHub Actions: mobile release",
  "ledger-migrations": "GitHub Actions: db migrations",
};
