// The founders' "top-20" inventory file: credentials that live in no connected store. Written by
// hand over the years, so most fields are unknown — exactly what Keyledger should surface.
import type { NewSecret } from "@/db/seed/factories";
import type { Area } from "@/db/seed/demo-catalog";

export type InventoryItem = {
  slug: string;
  area: Area;
  values: Omit<NewSecret, "sourceId" | "externalId">;
  /** Where the copy lives, as the file says; sanctioned unless marked otherwise. */
  place: { kind: "saas_tool" | "backup"; place: string; sanctioned: boolean };
};

export const INVENTORY_ITEMS: readonly InventoryItem[] = [
  {
    slug: "aws-root-account",
    area: "platform",
    values: { name: "AWS root account (production)", environment: "prod", kind: "password", provider: "aws-iam", tier: 1, privilege: "admin", description: "Root user of the production account; hardware MFA in the office safe" },
    place: { kind: "saas_tool", place: "1Password · Founders vault", sanctioned: true },
  },
  {
    slug: "domain-registrar",
    area: "platform",
    values: { name: "Domain registrar login (Gandi)", kind: "password", provider: "gandi", tier: 1, privilege: "admin" },
    place: { kind: "saas_tool", place: "1Password · Founders vault", sanctioned: true },
  },
  {
    slug: "okta-break-glass",
    area: "identity",
    values: { name: "Okta super-admin break-glass account", environment: "prod", kind: "password", provider: "okta", tier: 1, privilege: "admin", revokePath: "Reset from the second super admin in Okta Admin → Directory → People" },
    place: { kind: "saas_tool", place: "1Password · Founders vault", sanctioned: true },
  },
  {
    slug: "github-org-owner-recovery",
    area: "platform",
    values: { name: "GitHub org owner recovery codes", kind: "password", provider: "github", tier: 1 },
    place: { kind: "backup", place: "Printed sheet in the office safe", sanctioned: true },
  },
  {
    slug: "fireblocks-recovery-kit",
    area: "treasury",
    values: { name: "Fireblocks workspace recovery kit", environment: "prod", kind: "encryption_key", provider: "fireblocks", tier: 1, privilege: "admin", description: "Key backup for the MPC workspace, split between the two founders" },
    place: { kind: "backup", place: "Encrypted USB drives (2) with the founders", sanctioned: true },
  },
  {
    slug: "visa-direct-mtls",
    area: "payments",
    values: { name: "Visa Direct mTLS client certificate", environment: "prod", kind: "certificate", provider: "visa", tier: 1 },
    place: { kind: "saas_tool", place: "1Password · Engineering vault", sanctioned: true },
  },
  {
    slug: "apple-distribution-certificate",
    area: "growth",
    values: { name: "Apple distribution certificate", environment: "prod", kind: "certificate", provider: "apple", tier: 2 },
    place: { kind: "saas_tool", place: "1Password · Mobile release vault", sanctioned: true },
  },
  {
    slug: "google-play-upload-key",
    area: "growth",
    values: { name: "Google Play upload key", kind: "signing_key", provider: "google", tier: 2 },
    place: { kind: "saas_tool", place: "1Password · Engineering vault", sanctioned: true },
  },
  {
    slug: "brex-card-admin",
    area: "finance",
    values: { name: "Brex card admin login", kind: "password", provider: "brex", tier: 2 },
    place: { kind: "saas_tool", place: "1Password · Finance vault", sanctioned: true },
  },
  {
    slug: "gusto-payroll-admin",
    area: "finance",
    values: { name: "Payroll admin login (Gusto)", kind: "password", provider: "gusto" },
    place: { kind: "saas_tool", place: "1Password · Finance vault", sanctioned: true },
  },
  {
    slug: "docusign-integration-key",
    area: "growth",
    values: { name: "DocuSign integration key", kind: "api_key", provider: "docusign", tier: 3 },
    place: { kind: "saas_tool", place: "Notion · Sales ops page", sanctioned: false },
  },
  {
    slug: "heroku-legacy-api-key",
    area: "platform",
    values: { name: "Legacy Heroku API key" },
    place: { kind: "saas_tool", place: "Google Sheet · old infra passwords", sanctioned: false },
  },
  {
    slug: "mailchimp-api-key",
    area: "growth",
    values: { name: "Mailchimp API key (marketing)", provider: "mailchimp" },
    place: { kind: "saas_tool", place: "1Password · Marketing vault", sanctioned: true },
  },
  {
    slug: "swift-alliance-token",
    area: "payments",
    values: { name: "SWIFT Alliance Lite2 token", environment: "prod", kind: "certificate", provider: "swift", tier: 1, description: "USB token for SWIFT messages at Northbridge Bank" },
    place: { kind: "backup", place: "Office safe", sanctioned: true },
  },
  {
    slug: "wifi-office-psk",
    area: "security",
    values: { name: "Office Wi-Fi passphrase", kind: "password", tier: 4, privilege: "read" },
    place: { kind: "saas_tool", place: "1Password · Everyone vault", sanctioned: true },
  },
];
