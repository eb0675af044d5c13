// What Lumen Pay's secrets are: one template per credential, instantiated in every store it lives
// in (demo-secrets.ts turns a template + store into a name, an external id and metadata).
import type { secretKind } from "@/db/schema";
import type { Team } from "@/db/seed/demo-data";

export type StoreKey = "aws-prod" | "aws-staging" | "vault" | "vault-staging" | "github" | "doppler";
export type Area =
  | "payments"
  | "treasury"
  | "identity"
  | "platform"
  | "data-platform"
  | "growth"
  | "support"
  | "finance"
  | "security";
export type Tier = 1 | 2 | 3 | 4;

export type SecretTemplate = {
  slug: string;
  area: Area;
  provider: string;
  kind: (typeof secretKind.enumValues)[number];
  tier: Tier;
  privilege: "admin" | "write" | "read";
  /** The variable name where CI and Doppler hold it. */
  envVar: string;
  stores: readonly StoreKey[];
  /** Production consumers by name; staging copies use the `-staging` twin where there is one. */
  consumers: readonly string[];
  description: string;
  /** First step of killing it; the plan appends "update <name>; redeploy <consumer>". */
  revoke: string;
  ttlSeconds?: number;
  /** GitHub repository for a repository secret; an organization secret when absent. */
  repo?: string;
};

export const AREA_TEAM: Record<Area, Team> = {
  payments: "Payments",
  treasury: "Payments",
  identity: "Identity",
  platform: "Platform",
  "data-platform": "Data",
  growth: "Growth",
  support: "Support",
  finance: "Finance",
  security: "Security",
};

const P = "aws-prod";
const S = "aws-staging";
const V = "vault";
const VS = "vault-staging";
const G = "github";
const D = "doppler";

export const SECRET_TEMPLATES: readonly SecretTemplate[] = [
  { slug: "stripe-secret-key", area: "payments", provider: "stripe", kind: "api_key", tier: 1, privilege: "admin", envVar: "STRIPE_SECRET_KEY", stores: [P, S, D], consumers: ["payments-api", "ledger-worker"], description: "Stripe live key for charges, refunds and payouts", revoke: "Roll in Stripe dashboard → Developers → API keys" },
  { slug: "stripe-webhook-secret", area: "payments", provider: "stripe", kind: "webhook_secret", tier: 1, privilege: "write", envVar: "STRIPE_WEBHOOK_SECRET", stores: [P, S, D], consumers: ["payments-api"], description: "Verifies Stripe webhook signatures", revoke: "Roll the endpoint secret in Stripe dashboard → Developers → Webhooks" },
  { slug: "stripe-reporting-key", area: "payments", provider: "stripe", kind: "api_key", tier: 2, privilege: "read", envVar: "STRIPE_REPORTING_KEY", stores: [P], consumers: ["reporting-api"], description: "Restricted Stripe key for balance and payout reports", revoke: "Delete the restricted key in Stripe dashboard → Developers → API keys" },
  { slug: "adyen-api-key", area: "payments", provider: "adyen", kind: "api_key", tier: 1, privilege: "write", envVar: "ADYEN_API_KEY", stores: [P, S, D, G], repo: "api", consumers: ["payments-api"], description: "Adyen Checkout API credential for EU card payments", revoke: "Generate a new key in Adyen Customer Area → Developers → API credentials, then revoke the old one" },
  { slug: "adyen-hmac-key", area: "payments", provider: "adyen", kind: "webhook_secret", tier: 1, privilege: "write", envVar: "ADYEN_HMAC_KEY", stores: [P, S], consumers: ["payments-api"], description: "Verifies Adyen notification webhooks", revoke: "Generate a new HMAC key on the webhook in Adyen Customer Area → Developers → Webhooks" },
  { slug: "marqeta-access-token", area: "payments", provider: "marqeta", kind: "access_token", tier: 1, privilege: "write", envVar: "MARQETA_ACCESS_TOKEN", stores: [P, S], consumers: ["card-issuing-service"], description: "Card program API access", revoke: "Rotate the application token in the Marqeta dashboard" },
  { slug: "currencycloud-api-key", area: "payments", provider: "currencycloud", kind: "api_key", tier: 1, privilege: "write", envVar: "CURRENCYCLOUD_API_KEY", stores: [P, S], consumers: ["payments-api"], description: "FX conversions and payouts", revoke: "Regenerate the key in Currencycloud Direct → Settings → API" },
  { slug: "ledger-db-admin", area: "payments", provider: "postgres", kind: "database_credential", tier: 1, privilege: "admin", envVar: "LEDGER_DB_ADMIN", stores: [P, S, G], repo: "ledger-migrations", consumers: ["GitHub Actions: db migrations"], description: "Owner role of the ledger database", revoke: "Reset the ledger_admin role in RDS console → ledger-prod → Modify" },
  { slug: "ledger-db-app", area: "payments", provider: "postgres", kind: "database_credential", tier: 1, privilege: "write", envVar: "LEDGER_DATABASE", stores: [P, S, D], consumers: ["ledger-worker", "payments-api"], description: "Application role of the ledger database (IAM auth)", revoke: "Detach the rds-db:connect policy from the ledger_app role", ttlSeconds: 900 },
  { slug: "plaid-client", area: "payments", provider: "plaid", kind: "oauth_client", tier: 2, privilege: "read", envVar: "PLAID_CLIENT", stores: [P, S, D], consumers: ["kyc-service"], description: "Bank account verification for payouts", revoke: "Rotate the secret in Plaid dashboard → Team settings → Keys" },
  { slug: "kafka-sasl-credential", area: "payments", provider: "confluent", kind: "password", tier: 2, privilege: "write", envVar: "KAFKA_SASL", stores: [P, S], consumers: ["ledger-worker", "payments-api"], description: "Ledger event stream on Confluent Cloud", revoke: "Create a new API key on the service account in Confluent Cloud, then delete the old one" },
  { slug: "bank-sftp-key", area: "payments", provider: "northbridge-bank", kind: "ssh_key", tier: 1, privilege: "write", envVar: "BANK_SFTP_KEY", stores: [P], consumers: ["nightly-settlement-job"], description: "SFTP key for settlement files at Northbridge Bank", revoke: "Ask Northbridge Bank treasury ops to replace the authorized public key" },
  { slug: "visa-disputes-token", area: "payments", provider: "visa", kind: "access_token", tier: 2, privilege: "read", envVar: "VISA_DISPUTES_TOKEN", stores: [P, S], consumers: ["chargeback-sync"], description: "Pulls dispute cases from Visa", revoke: "Revoke in Visa Developer Center → Project → Credentials" },
  { slug: "wallet-signing-key", area: "treasury", provider: "fireblocks", kind: "signing_key", tier: 1, privilege: "admin", envVar: "FIREBLOCKS_SIGNING_KEY", stores: [P], consumers: ["treasury-service"], description: "Signs Fireblocks API requests that move funds from the treasury wallets", revoke: "Freeze the API user in Fireblocks console → Settings → Users, then pair a new key" },
  { slug: "fireblocks-api-key", area: "treasury", provider: "fireblocks", kind: "api_key", tier: 1, privilege: "admin", envVar: "FIREBLOCKS_API_KEY", stores: [P, S], consumers: ["treasury-service"], description: "Fireblocks API user for wallet operations", revoke: "Disable the API user in Fireblocks console → Settings → Users" },
  { slug: "auth0-management-client", area: "identity", provider: "auth0", kind: "oauth_client", tier: 1, privilege: "admin", envVar: "AUTH0_MGMT_CLIENT", stores: [P, S, D], consumers: ["auth-service"], description: "Auth0 Management API client (users, MFA resets)", revoke: "Rotate the client secret in Auth0 → Applications → auth-service-mgmt → Settings" },
  { slug: "auth0-m2m-client", area: "identity", provider: "auth0", kind: "oauth_client", tier: 2, privilege: "write", envVar: "AUTH0_M2M_CLIENT", stores: [P, S], consumers: ["admin-portal"], description: "Machine-to-machine client for the back office", revoke: "Rotate the client secret in Auth0 → Applications → admin-portal" },
  { slug: "jwt-signing-key", area: "identity", provider: "internal", kind: "signing_key", tier: 1, privilege: "admin", envVar: "JWT_SIGNING_KEY", stores: [P, S], consumers: ["auth-service"], description: "Signs customer session tokens", revoke: "Publish a new key in the JWKS, switch auth-service to it, drop the old kid after 24 h" },
  { slug: "session-encryption-key", area: "identity", provider: "internal", kind: "encryption_key", tier: 1, privilege: "admin", envVar: "SESSION_ENCRYPTION_KEY", stores: [P, S, D], consumers: ["auth-service", "web-app"], description: "Encrypts session cookies", revoke: "Add a new key to the keyring, redeploy, retire the old one (signs everyone out)" },
  { slug: "okta-api-token", area: "identity", provider: "okta", kind: "access_token", tier: 1, privilege: "admin", envVar: "OKTA_API_TOKEN", stores: [P], consumers: ["admin-portal"], description: "Workforce directory sync", revoke: "Revoke in Okta Admin → Security → API → Tokens" },
  { slug: "onfido-api-token", area: "identity", provider: "onfido", kind: "api_key", tier: 2, privilege: "read", envVar: "ONFIDO_API_TOKEN", stores: [P, S, D], consumers: ["kyc-service"], description: "Identity document checks", revoke: "Revoke in Onfido dashboard → Developers → Tokens" },
  { slug: "twilio-auth-token", area: "identity", provider: "twilio", kind: "access_token", tier: 2, privilege: "write", envVar: "TWILIO_AUTH_TOKEN", stores: [P, S, D], consumers: ["auth-service", "notifications-service"], description: "SMS one-time codes", revoke: "Promote the secondary auth token in Twilio console → Account → API keys" },
  { slug: "complyadvantage-api-key", area: "identity", provider: "complyadvantage", kind: "api_key", tier: 2, privilege: "read", envVar: "COMPLYADVANTAGE_API_KEY", stores: [P], consumers: ["kyc-service"], description: "Sanctions and PEP screening", revoke: "Delete the key in ComplyAdvantage → Settings → API" },
  { slug: "sardine-api-key", area: "identity", provider: "sardine", kind: "api_key", tier: 2, privilege: "read", envVar: "SARDINE_API_KEY", stores: [P, S], consumers: ["kyc-service"], description: "Device and fraud risk scores", revoke: "Rotate the key in the Sardine dashboard → Settings → API" },
  { slug: "grafana-cloud-token", area: "platform", provider: "grafana", kind: "access_token", tier: 3, privilege: "write", envVar: "GRAFANA_CLOUD_TOKEN", stores: [V, G], repo: "infra", consumers: [], description: "Dashboards as code", revoke: "Revoke the access policy token in Grafana Cloud" },
  { slug: "terraform-ci-access-key", area: "platform", provider: "aws-iam", kind: "api_key", tier: 1, privilege: "admin", envVar: "AWS_TERRAFORM_ACCESS_KEY", stores: [G, V], repo: "infra", consumers: ["GitHub Actions: terraform apply"], description: "IAM user terraform-ci (legacy, predates OIDC)", revoke: "Deactivate the access key in IAM → Users → terraform-ci → Security credentials" },
  { slug: "aws-deploy-role", area: "platform", provider: "aws-iam", kind: "access_token", tier: 1, privilege: "admin", envVar: "AWS_DEPLOY_ROLE", stores: [G], repo: "api", consumers: ["GitHub Actions: api deploy"], description: "OIDC web identity session for deploys", revoke: "Remove the repository from the role's trust policy", ttlSeconds: 3600 },
  { slug: "datadog-api-key", area: "platform", provider: "datadog", kind: "api_key", tier: 3, privilege: "write", envVar: "DD_API_KEY", stores: [P, S, G, D], consumers: ["payments-api", "auth-service"], description: "Metrics and log intake", revoke: "Revoke in Datadog → Organization settings → API keys" },
  { slug: "datadog-app-key", area: "platform", provider: "datadog", kind: "api_key", tier: 3, privilege: "read", envVar: "DD_APP_KEY", stores: [V, G], repo: "infra", consumers: [], description: "Dashboards and monitors as code", revoke: "Revoke in Datadog → Organization settings → Application keys" },
  { slug: "sentry-auth-token", area: "platform", provider: "sentry", kind: "access_token", tier: 3, privilege: "write", envVar: "SENTRY_AUTH_TOKEN", stores: [G, D], consumers: ["GitHub Actions: web deploy"], description: "Uploads source maps and creates releases", revoke: "Revoke in Sentry → Settings → Auth tokens" },
  { slug: "github-deploy-key", area: "platform", provider: "github", kind: "ssh_key", tier: 2, privilege: "write", envVar: "DEPLOY_KEY", stores: [G, V], repo: "api", consumers: ["GitHub Actions: api deploy"], description: "Pushes release tags to lumenpay/api", revoke: "Delete the deploy key in GitHub → lumenpay/api → Settings → Deploy keys" },
  { slug: "github-app-private-key", area: "platform", provider: "github", kind: "signing_key", tier: 2, privilege: "write", envVar: "GH_APP_PRIVATE_KEY", stores: [G, V], repo: "api", consumers: ["GitHub Actions: api deploy"], description: "Release bot GitHub App", revoke: "Generate a new private key on the GitHub App, then delete the old one" },
  { slug: "cloudflare-api-token", area: "platform", provider: "cloudflare", kind: "access_token", tier: 1, privilege: "admin", envVar: "CLOUDFLARE_API_TOKEN", stores: [G, V], repo: "infra", consumers: ["GitHub Actions: terraform apply"], description: "DNS and WAF changes", revoke: "Roll in Cloudflare dashboard → My profile → API tokens" },
  { slug: "pagerduty-routing-key", area: "platform", provider: "pagerduty", kind: "api_key", tier: 3, privilege: "write", envVar: "PAGERDUTY_ROUTING_KEY", stores: [P, V], consumers: ["PagerDuty → Slack"], description: "Events API v2 routing key", revoke: "Regenerate the integration key on the PagerDuty service" },
  { slug: "tls-wildcard-certificate", area: "platform", provider: "digicert", kind: "certificate", tier: 1, privilege: "admin", envVar: "TLS_WILDCARD_CERT", stores: [P, V], consumers: ["web-app", "payments-api"], description: "*.lumenpay.example certificate and private key", revoke: "Revoke and reissue in DigiCert CertCentral; update the load balancer listener" },
  { slug: "rds-master-password", area: "platform", provider: "postgres", kind: "password", tier: 1, privilege: "admin", envVar: "RDS_MASTER", stores: [P, V], consumers: [], description: "Master user of the main RDS cluster", revoke: "Modify the master user in RDS console → main-prod" },
  { slug: "redis-auth-token", area: "platform", provider: "redis", kind: "password", tier: 2, privilege: "write", envVar: "REDIS_AUTH_TOKEN", stores: [P, S, D], consumers: ["payments-api", "auth-service"], description: "ElastiCache AUTH token", revoke: "Set a new AUTH token with rotate strategy in ElastiCache" },
  { slug: "terraform-cloud-token", area: "platform", provider: "terraform", kind: "access_token", tier: 1, privilege: "admin", envVar: "TF_API_TOKEN", stores: [G, V], repo: "infra", consumers: ["GitHub Actions: terraform apply"], description: "Terraform Cloud team token", revoke: "Regenerate the team token in Terraform Cloud → Settings → Teams" },
  { slug: "npm-token", area: "platform", provider: "npm", kind: "access_token", tier: 3, privilege: "write", envVar: "NPM_TOKEN", stores: [G, D], consumers: ["GitHub Actions: web deploy"], description: "Publishes @lumenpay packages", revoke: "Revoke in npmjs.com → Access tokens" },
  { slug: "dockerhub-token", area: "platform", provider: "docker", kind: "access_token", tier: 3, privilege: "read", envVar: "DOCKERHUB_TOKEN", stores: [G], consumers: ["GitHub Actions: api deploy"], description: "Pulls base images without rate limits", revoke: "Delete in Docker Hub → Account settings → Security" },
  { slug: "internal-hmac-key", area: "platform", provider: "internal", kind: "signing_key", tier: 2, privilege: "write", envVar: "INTERNAL_HMAC_KEY", stores: [P, S, VS], consumers: ["payments-api", "ledger-worker"], description: "Signs service-to-service requests", revoke: "Add a second key, deploy both sides, remove the old key" },
  { slug: "argocd-token", area: "platform", provider: "argocd", kind: "access_token", tier: 2, privilege: "admin", envVar: "ARGOCD_AUTH_TOKEN", stores: [G, V], repo: "api", consumers: ["GitHub Actions: api deploy"], description: "Triggers syncs of the api application", revoke: "Delete the token in Argo CD → Settings → Accounts → ci" },
  { slug: "snowflake-loader", area: "data-platform", provider: "snowflake", kind: "database_credential", tier: 2, privilege: "write", envVar: "SNOWFLAKE_LOADER", stores: [V, VS], consumers: ["snowflake-loader", "dbt-nightly"], description: "LOADER user for the raw schemas", revoke: "Reset the LOADER user in Snowflake (ALTER USER … RESET)" },
  { slug: "snowflake-admin", area: "data-platform", provider: "snowflake", kind: "database_credential", tier: 1, privilege: "admin", envVar: "SNOWFLAKE_ADMIN", stores: [V], consumers: [], description: "ACCOUNTADMIN break-glass user", revoke: "Disable the user in Snowflake and reset it from the second admin" },
  { slug: "fivetran-api-key", area: "data-platform", provider: "fivetran", kind: "api_key", tier: 2, privilege: "read", envVar: "FIVETRAN_API_KEY", stores: [V], consumers: [], description: "Connector status for the data dashboards", revoke: "Regenerate in Fivetran → Account settings → API config" },
  { slug: "segment-write-key", area: "data-platform", provider: "segment", kind: "api_key", tier: 3, privilege: "write", envVar: "SEGMENT_WRITE_KEY", stores: [V, D, G], repo: "web", consumers: ["web-app", "Segment → Snowflake"], description: "Product analytics events", revoke: "Rotate the write key on the Segment source" },
  { slug: "looker-client", area: "data-platform", provider: "looker", kind: "oauth_client", tier: 2, privilege: "read", envVar: "LOOKER_CLIENT", stores: [V, VS], consumers: ["reporting-api"], description: "Embedded merchant dashboards", revoke: "Reset API3 keys on the looker-embed user" },
  { slug: "dbt-cloud-token", area: "data-platform", provider: "dbt", kind: "access_token", tier: 3, privilege: "write", envVar: "DBT_CLOUD_TOKEN", stores: [V], consumers: ["dbt-nightly"], description: "Triggers dbt Cloud jobs", revoke: "Revoke the service token in dbt Cloud → Account settings" },
  { slug: "replica-readonly", area: "data-platform", provider: "postgres", kind: "database_credential", tier: 2, privilege: "read", envVar: "REPLICA_DATABASE", stores: [V, VS], consumers: ["snowflake-loader", "reporting-api"], description: "Dynamic read-only role on the reporting replica", revoke: "Revoke the lease prefix in Vault (vault lease revoke -prefix)", ttlSeconds: 3600 },
  { slug: "s3-export-access-key", area: "data-platform", provider: "aws-iam", kind: "api_key", tier: 2, privilege: "write", envVar: "S3_EXPORT_ACCESS_KEY", stores: [V, VS], consumers: ["reporting-api"], description: "IAM user that writes merchant exports to S3", revoke: "Deactivate the access key in IAM → Users → reporting-export" },
  { slug: "bigquery-service-account", area: "data-platform", provider: "gcp", kind: "api_key", tier: 3, privilege: "read", envVar: "GCP_SA_KEY", stores: [V], consumers: [], description: "Legacy marketing exports in BigQuery", revoke: "Delete the key on the service account in GCP IAM" },
  { slug: "sendgrid-api-key", area: "growth", provider: "sendgrid", kind: "api_key", tier: 2, privilege: "write", envVar: "SENDGRID_API_KEY", stores: [P, S, D], consumers: ["notifications-service"], description: "Transactional e-mail", revoke: "Delete the key in SendGrid → Settings → API keys and create a new one" },
  { slug: "algolia-admin-key", area: "growth", provider: "algolia", kind: "api_key", tier: 3, privilege: "admin", envVar: "ALGOLIA_ADMIN_KEY", stores: [P, D, G], repo: "web", consumers: ["web-app"], description: "Help-center search indexing", revoke: "Regenerate the admin key in Algolia → Settings → API keys" },
  { slug: "hubspot-private-app-token", area: "growth", provider: "hubspot", kind: "access_token", tier: 3, privilege: "write", envVar: "HUBSPOT_TOKEN", stores: [P, D], consumers: ["Zapier → HubSpot"], description: "CRM contact sync", revoke: "Rotate the private app token in HubSpot → Settings → Integrations" },
  { slug: "mixpanel-service-account", area: "growth", provider: "mixpanel", kind: "api_key", tier: 4, privilege: "read", envVar: "MIXPANEL_SERVICE_ACCOUNT", stores: [P, D], consumers: ["web-app"], description: "Funnel exports", revoke: "Delete the service account in Mixpanel → Project settings" },
  { slug: "intercom-access-token", area: "growth", provider: "intercom", kind: "access_token", tier: 2, privilege: "read", envVar: "INTERCOM_TOKEN", stores: [P, D], consumers: ["web-app"], description: "In-app messenger identity verification", revoke: "Regenerate in Intercom Developer Hub → Authentication" },
  { slug: "google-maps-api-key", area: "growth", provider: "google", kind: "api_key", tier: 4, privilege: "read", envVar: "GOOGLE_MAPS_API_KEY", stores: [P, G, D], repo: "web", consumers: ["web-app"], description: "Address autocomplete at sign-up", revoke: "Regenerate in Google Cloud console → APIs → Credentials" },
  { slug: "launchdarkly-sdk-key", area: "growth", provider: "launchdarkly", kind: "api_key", tier: 4, privilege: "read", envVar: "LD_SDK_KEY", stores: [P, S, D], consumers: ["web-app", "payments-api"], description: "Feature flags", revoke: "Reset the SDK key in LaunchDarkly → Environments" },
  { slug: "apns-signing-key", area: "growth", provider: "apple", kind: "signing_key", tier: 3, privilege: "write", envVar: "APNS_KEY", stores: [P, G], repo: "mobile", consumers: ["notifications-service"], description: "Apple push notifications", revoke: "Revoke the key in Apple Developer → Keys" },
  { slug: "fcm-server-key", area: "growth", provider: "google", kind: "api_key", tier: 3, privilege: "write", envVar: "FCM_SERVER_KEY", stores: [P, D], consumers: ["notifications-service"], description: "Android push notifications", revoke: "Delete the key in Firebase console → Cloud Messaging" },
  { slug: "app-store-connect-key", area: "growth", provider: "apple", kind: "api_key", tier: 3, privilege: "write", envVar: "ASC_API_KEY", stores: [G], repo: "mobile", consumers: ["GitHub Actions: mobile release"], description: "Uploads builds to App Store Connect", revoke: "Revoke in App Store Connect → Users and Access → Keys" },
  { slug: "zendesk-api-token", area: "support", provider: "zendesk", kind: "access_token", tier: 2, privilege: "read", envVar: "ZENDESK_API_TOKEN", stores: [P, D], consumers: ["Zendesk → Slack", "admin-portal"], description: "Ticket context in the back office", revoke: "Deactivate the token in Zendesk Admin → Apps and integrations → APIs" },
  { slug: "slack-bot-token", area: "support", provider: "slack", kind: "access_token", tier: 3, privilege: "write", envVar: "SLACK_BOT_TOKEN", stores: [P, V, D], consumers: ["notifications-service", "PagerDuty → Slack"], description: "Lumen bot for alerts and approvals", revoke: "Rotate in api.slack.com → Your apps → OAuth & Permissions" },
  { slug: "slack-alerts-webhook", area: "support", provider: "slack", kind: "webhook_secret", tier: 4, privilege: "write", envVar: "SLACK_ALERTS_WEBHOOK", stores: [P, G, D], consumers: [], description: "Incoming webhook for #alerts", revoke: "Remove the webhook in api.slack.com → Incoming webhooks" },
  { slug: "retool-db-readonly", area: "support", provider: "postgres", kind: "database_credential", tier: 2, privilege: "read", envVar: "RETOOL_DB", stores: [V], consumers: ["Retool admin"], description: "Read-only role used by Retool", revoke: "Revoke the lease prefix in Vault, then reconnect the Retool resource", ttlSeconds: 28800 },
  { slug: "openai-api-key", area: "support", provider: "openai", kind: "api_key", tier: 3, privilege: "write", envVar: "OPENAI_API_KEY", stores: [P, D], consumers: ["admin-portal"], description: "Ticket summaries in the back office", revoke: "Revoke in the OpenAI platform → API keys" },
  { slug: "statuspage-api-key", area: "support", provider: "statuspage", kind: "api_key", tier: 4, privilege: "write", envVar: "STATUSPAGE_API_KEY", stores: [P], consumers: [], description: "Posts incidents to status.lumenpay.example", revoke: "Revoke in Statuspage → API info" },
  { slug: "gong-api-key", area: "support", provider: "gong", kind: "api_key", tier: 4, privilege: "read", envVar: "GONG_API_KEY", stores: [D], consumers: [], description: "Call recordings for sales reviews", revoke: "Regenerate in Gong → Company settings → API" },
  { slug: "quickbooks-oauth-client", area: "finance", provider: "quickbooks", kind: "oauth_client", tier: 3, privilege: "write", envVar: "QBO_CLIENT", stores: [V], consumers: ["invoice-runner"], description: "Books merchant invoices", revoke: "Reset the client secret in the Intuit developer portal" },
  { slug: "brex-api-token", area: "finance", provider: "brex", kind: "access_token", tier: 2, privilege: "read", envVar: "BREX_API_TOKEN", stores: [V], consumers: [], description: "Expense exports", revoke: "Revoke in Brex dashboard → Developer → API tokens" },
  { slug: "netsuite-token", area: "finance", provider: "netsuite", kind: "access_token", tier: 2, privilege: "write", envVar: "NETSUITE_TOKEN", stores: [V], consumers: ["invoice-runner"], description: "Token-based auth for the general ledger sync", revoke: "Revoke the access token in NetSuite → Setup → Users/Roles → Access tokens" },
  { slug: "avalara-api-key", area: "finance", provider: "avalara", kind: "api_key", tier: 3, privilege: "read", envVar: "AVALARA_API_KEY", stores: [V, VS], consumers: ["invoice-runner"], description: "Sales tax calculation", revoke: "Reset the license key in Avalara → Settings → License and API keys" },
  { slug: "modern-treasury-api-key", area: "finance", provider: "modern-treasury", kind: "api_key", tier: 1, privilege: "write", envVar: "MODERN_TREASURY_API_KEY", stores: [V], consumers: ["nightly-settlement-job"], description: "Payment orders and reconciliation", revoke: "Revoke in Modern Treasury → Developers → API keys" },
  { slug: "backup-encryption-key", area: "security", provider: "internal", kind: "encryption_key", tier: 1, privilege: "admin", envVar: "BACKUP_ENCRYPTION_KEY", stores: [V], consumers: ["db-backup-job"], description: "Encrypts nightly database backups (age recipient)", revoke: "Generate a new recipient, re-encrypt retained backups, destroy the old identity" },
  { slug: "release-signing-key", area: "security", provider: "internal", kind: "signing_key", tier: 3, privilege: "write", envVar: "RELEASE_SIGNING_KEY", stores: [V, G], repo: "mobile", consumers: ["GitHub Actions: mobile release"], description: "Signs release artifacts", revoke: "Revoke the subkey and publish the revocation certificate" },
  { slug: "drata-api-key", area: "security", provider: "drata", kind: "api_key", tier: 3, privilege: "read", envVar: "DRATA_API_KEY", stores: [V], consumers: [], description: "Compliance evidence collection", revoke: "Revoke in Drata → Settings → API keys" },
  { slug: "onepassword-connect-token", area: "security", provider: "1password", kind: "access_token", tier: 1, privilege: "admin", envVar: "OP_CONNECT_TOKEN", stores: [V], consumers: [], description: "1Password Connect server token", revoke: "Revoke the token in 1Password → Integrations → Connect server" },
];
