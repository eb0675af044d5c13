// The problems Keyledger exists to reveal, placed on purpose so the demo always shows them:
// a key on two laptops and in Slack, one key shared by four services, a staging key reused in
// production, an offboarded contractor still operating three secrets, approvers approving
// themselves, and a wallet signing key with every role filled (what good looks like).
import { DEMO_SOURCES } from "@/db/seed/demo-data";
import { daysBefore, type LocationPlan, type SecretPlan } from "@/db/seed/demo-secrets";

type Fix = (plan: SecretPlan, now: Date) => void;

const known = (plan: SecretPlan, template: Partial<SecretPlan["values"]>) => {
  Object.assign(plan.values, { lifetime: "static", ...template });
};

/** Set up by the payments contractor for the Adyen launch, never rotated since. */
const adyenLaunch = (now: Date) => ({
  createdInSourceAt: daysBefore(now, 431),
  lastRotatedAt: daysBefore(now, 431),
  versionCount: 1,
});

const PROBLEMS: Record<string, Fix> = {
  "aws-prod:stripe-secret-key": (plan, now) => {
    known(plan, {
      description: "Stripe live key for charges, refunds and payouts",
      tier: 1,
      kind: "api_key",
      privilege: "admin",
      createdInSourceAt: daysBefore(now, 1180),
      lastRotatedAt: daysBefore(now, 412),
      revokePath:
        "Roll in Stripe dashboard → Developers → API keys; update prod/payments/stripe-secret-key; redeploy payments-api",
    });
    plan.roles = { creator: "marcus", operator: "aisha", approver: "marcus", incident_commander: "sam" };
    const found = (days: number, extra: Omit<LocationPlan, "foundAt" | "sanctioned">): LocationPlan => ({
      ...extra,
      sanctioned: false,
      foundAt: daysBefore(now, days),
    });
    plan.locations = [
      ...plan.locations.filter((l) => l.kind === "store"),
      found(19, { kind: "laptop", place: "MacBook Pro of Aisha Bello (~/code/payments-api/.env)", personKey: "aisha", foundBy: "scan:dotenv" }),
      found(19, { kind: "laptop", place: "MacBook Air of Kwame Mensah (~/Downloads/stripe.env)", personKey: "kwame", foundBy: "scan:dotenv" }),
      found(33, { kind: "chat", place: "#eng-payments", foundBy: "scan:slack" }),
    ];
  },
  // One key, four services: rotating it means four coordinated deploys.
  "aws-prod:sendgrid-api-key": (plan) => {
    known(plan, { tier: 2, kind: "api_key", privilege: "write" });
    plan.consumers = ["payments-api", "auth-service", "web-app", "notifications-service"];
    plan.roles = { creator: "chloe", operator: "mateo", approver: "chloe" };
  },
  // The payments contractor copied the staging key into production during the Adyen launch.
  "aws-staging:adyen-api-key": (plan, now) => {
    known(plan, { tier: 2, kind: "api_key", privilege: "write", ...adyenLaunch(now) });
    plan.consumers = ["payments-api-staging", "payments-api", "ledger-worker"];
    plan.roles = { creator: "jonas", operator: "jonas", approver: "marcus" };
    plan.locations = [
      ...plan.locations.filter((l) => l.kind === "store"),
      {
        kind: "store",
        place: `${DEMO_SOURCES["aws-prod"].name}: prod/payments/adyen-api-key-fallback`,
        sanctioned: false,
        foundBy: "scan:hash-match",
        foundAt: daysBefore(now, 26),
      },
    ];
  },
  "aws-prod:adyen-api-key": (plan, now) => {
    known(plan, { tier: 1, kind: "api_key", privilege: "write", ...adyenLaunch(now) });
    plan.roles = { creator: "jonas", operator: "jonas", approver: "marcus" };
  },
  "aws-prod:adyen-hmac-key": (plan, now) => {
    known(plan, { tier: 1, kind: "webhook_secret", ...adyenLaunch(now) });
    plan.roles = { creator: "jonas", operator: "jonas" };
  },
  "aws-prod:wallet-signing-key": (plan, now) => {
    known(plan, {
      description: "Signs Fireblocks API requests that move funds from the treasury wallets",
      tier: 1,
      kind: "signing_key",
      privilege: "admin",
      createdInSourceAt: daysBefore(now, 610),
      lastRotatedAt: daysBefore(now, 41),
    });
    plan.roles = { creator: "arjun", operator: "marcus", approver: "maya", incident_commander: "sam" };
  },
  // Approvers who approve their own changes.
  "aws-prod:ledger-db-admin": (plan) => {
    known(plan, { tier: 1, privilege: "admin" });
    plan.roles = { creator: "priya", operator: "priya", approver: "priya" };
  },
  "vault:snowflake-admin": (plan) => {
    known(plan, { tier: 1, privilege: "admin" });
    plan.roles = { creator: "olivia", operator: "olivia", approver: "olivia" };
  },
  "github:terraform-cloud-token": (plan) => {
    known(plan, { tier: 1 });
    plan.roles = { creator: "elena", operator: "priya", approver: "priya" };
  },
  "aws-prod:okta-api-token": (plan) => {
    known(plan, { tier: 1, privilege: "admin" });
    plan.roles = { creator: "ben", operator: "ben", approver: "ben", incident_commander: "sam" };
  },
  // Unused integrations: nothing has read them for months.
  "aws-prod:statuspage-api-key": (plan) => {
    known(plan, { tier: 4 });
    plan.quiet = true;
  },
  "aws-prod:mixpanel-service-account": (plan) => {
    known(plan, { tier: 4 });
    plan.quiet = true;
  },
};

/** Applies every problem case and pins those secrets; fails loudly if the catalog lost one. */
export function applyProblemCases(plans: SecretPlan[], now: Date): void {
  const byKey = new Map(plans.map((plan) => [plan.key, plan]));
  for (const [key, fix] of Object.entries(PROBLEMS)) {
    const plan = byKey.get(key);
    if (!plan) throw new Error(`demo seed: problem case ${key} is missing from the catalog`);
    fix(plan, now);
    plan.pinned = true;
    // Store tags follow the new operator, so the story reads the same everywhere.
    const tags = plan.values.tags;
    if (tags?.owner) {
      if (plan.roles.operator) tags.owner = plan.roles.operator;
      else delete tags.owner;
    }
  }
}
