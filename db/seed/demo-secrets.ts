// Turns the catalog into plans for Lumen Pay's secrets: names and external ids the way each store
// spells them, metadata with the gaps each store really has, owners, consumers and locations.
// Pure: the same random seed and `now` give the same plans.
import type { NewSecret } from "@/db/seed/factories";
import {
  AWS_PROD_ACCOUNT,
  AWS_REGION,
  AWS_STAGING_ACCOUNT,
  DEMO_CONSUMERS,
  DEMO_SOURCES,
  REPO_PIPELINES,
  type SourceKey,
  type Team,
} from "@/db/seed/demo-data";
import {
  AREA_TEAM,
  SECRET_TEMPLATES,
  type Area,
  type SecretTemplate,
  type StoreKey,
  type Tier,
} from "@/db/seed/demo-catalog";
import { INVENTORY_ITEMS, type InventoryItem } from "@/db/seed/demo-inventory";
import { pickRoles, type RolePlan } from "@/db/seed/demo-ownership";
import type { Random } from "@/db/seed/random";

export type LocationPlan = {
  kind: "store" | "repo_file" | "ci_variable" | "laptop" | "saas_tool" | "chat" | "backup";
  place: string;
  sanctioned: boolean;
  personKey?: string;
  foundBy: string;
  foundAt: Date;
};

export type SecretPlan = {
  /** Stable handle, e.g. "aws-prod:stripe-secret-key"; problem cases are looked up by it. */
  key: string;
  sourceKey: SourceKey;
  area: Area;
  team: Team;
  /** Kept even when a small `secrets` count trims the catalog. */
  pinned: boolean;
  /** No access in the last 90 days (an unused secret). */
  quiet: boolean;
  values: Omit<NewSecret, "sourceId">;
  roles: RolePlan;
  consumers: string[];
  locations: LocationPlan[];
};

const DAY_MS = 86_400_000;
const ROTATION_POLICY_DAYS: Record<Tier, number> = { 1: 90, 2: 180, 3: 365, 4: 365 };
const CONSUMER_KIND = new Map(DEMO_CONSUMERS.map((c) => [c.name, c.kind]));

/** How likely a store knows each field: description, tier, privilege, kind, revoke path, lifetime. */
const KNOWN: Record<StoreKey, readonly [number, number, number, number, number, number]> = {
  "aws-prod": [0.85, 0.92, 0.85, 0.95, 0.6, 0.9],
  "aws-staging": [0.6, 0.8, 0.7, 0.9, 0.25, 0.8],
  vault: [0.55, 0.75, 0.7, 0.85, 0.4, 0.8],
  "vault-staging": [0.45, 0.7, 0.6, 0.8, 0.2, 0.7],
  github: [0.05, 0.7, 0.6, 0.75, 0.3, 0.6],
  doppler: [0.2, 0.4, 0.3, 0.6, 0.1, 0.5],
};

export const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS);

function placeInStore(args: { template: SecretTemplate; store: StoreKey; suffix: string; random: Random }) {
  const { template: t, store, suffix, random } = args;
  const upper = suffix.toUpperCase().replace("-", "_");
  switch (store) {
    case "aws-prod":
    case "aws-staging": {
      const environment = store === "aws-prod" ? ("prod" as const) : ("staging" as const);
      const account = store === "aws-prod" ? AWS_PROD_ACCOUNT : AWS_STAGING_ACCOUNT;
      const name = `${environment}/${t.area}/${t.slug}${suffix}`;
      const arn = `arn:aws:secretsmanager:${AWS_REGION}:${account}:secret:${name}-${random.alphanumeric(6)}`;
      return { sourceKey: store, name, externalId: arn, environment };
    }
    case "vault":
    case "vault-staging": {
      const environment = store === "vault" ? ("prod" as const) : ("staging" as const);
      const name = `kv/${environment === "prod" ? "" : "staging/"}${t.area}/${t.slug}${suffix}`;
      return { sourceKey: "vault" as const, name, externalId: name, environment };
    }
    case "github": {
      const name = t.repo ? `lumenpay/${t.repo}:${t.envVar}${upper}` : `lumenpay:${t.envVar}${upper}`;
      return { sourceKey: store, name, externalId: name, environment: t.repo ? ("prod" as const) : null };
    }
    case "doppler": {
      const name = `${t.area === "growth" ? "web" : "backend"}/dev:${t.envVar}${upper}`;
      return { sourceKey: store, name, externalId: name, environment: "dev" as const };
    }
  }
}

function consumersFor(template: SecretTemplate, store: StoreKey): string[] {
  const ofKind = (kind: string) => template.consumers.filter((name) => CONSUMER_KIND.get(name) === kind);
  switch (store) {
    case "aws-prod":
    case "vault":
      return [...template.consumers];
    case "aws-staging":
    case "vault-staging":
      return template.consumers.map((name) => `${name}-staging`).filter((name) => CONSUMER_KIND.has(name));
    case "github": {
      const pipeline = template.repo ? REPO_PIPELINES[template.repo] : undefined;
      return [...new Set([...(pipeline ? [pipeline] : []), ...ofKind("ci_pipeline")])];
    }
    case "doppler":
      return [];
  }
}

function revokePathFor(revoke: string, name: string, consumers: readonly string[]) {
  const first = consumers[0];
  const verb = { service: "redeploy", job: "redeploy", ci_pipeline: "re-run", saas_integration: "reconnect" };
  const last = first ? `; ${verb[CONSUMER_KIND.get(first) ?? "service"]} ${first}` : "";
  return `${revoke}; update ${name}${last}`;
}

/** Creation, rotation and version facts: most within policy, some overdue, some stale for years. */
function planDates(args: { random: Random; now: Date; tier: Tier; shortLived: boolean }) {
  const { random, now, tier, shortLived } = args;
  const createdDaysAgo = random.int(45, 1500);
  const policy = ROTATION_POLICY_DAYS[tier];
  const state = random.weighted([["fresh", 55], ["overdue", 27], ["stale", 18]] as const);
  const sinceRotation = {
    fresh: () => random.int(1, policy),
    overdue: () => random.int(policy + 1, policy + 200),
    stale: () => random.int(400, 900),
  };
  const rotatedDaysAgo = shortLived ? random.int(0, 1) : Math.min(createdDaysAgo, sinceRotation[state]());
  const createdInSourceAt = new Date(daysBefore(now, createdDaysAgo).getTime() - random.int(1, 86_399) * 1000);
  const rotatedAt = daysBefore(now, rotatedDaysAgo).getTime() - random.int(1, 86_399) * 1000;
  return {
    createdInSourceAt,
    lastRotatedAt: new Date(Math.max(createdInSourceAt.getTime(), rotatedAt)),
    versionCount: 1 + Math.floor((createdDaysAgo - rotatedDaysAgo) / policy) + random.int(0, 3),
  };
}

function storeLocation(args: { sourceKey: SourceKey; name: string; foundAt: Date }): LocationPlan {
  const place = `${DEMO_SOURCES[args.sourceKey].name}: ${args.name}`;
  return { kind: "store", place, sanctioned: true, foundBy: "sync", foundAt: args.foundAt };
}

/** Now and then a copy turns up where it should not be; never on laptops or in chat (one case only). */
function strayLocations(args: { random: Random; now: Date; repo: string }): LocationPlan[] {
  const { random, now, repo } = args;
  const foundAt = daysBefore(now, random.int(1, 300));
  const stray = (kind: LocationPlan["kind"], place: string, foundBy: string): LocationPlan[] => [
    { kind, place, sanctioned: false, foundBy, foundAt },
  ];
  const roll = random.next();
  if (roll < 0.03) {
    const file = random.pick([".env.production", "config/secrets.yml", "docker-compose.override.yml", "scripts/backfill.py"]);
    return stray("repo_file", `lumenpay/${repo}:${file}`, "scan:secretlint");
  }
  if (roll < 0.05) return stray("ci_variable", `lumenpay/${repo}:.github/workflows/deploy.yml (env)`, "scan:workflows");
  if (roll < 0.065) {
    const tool = random.pick(["Notion · Onboarding checklist", "Confluence · Runbooks (old)", "Jira · OPS-1432"]);
    return stray("saas_tool", tool, "declared");
  }
  if (roll < 0.075) return stray("backup", "s3://lumenpay-config-snapshots/2023/", "declared");
  return [];
}

export function planTemplateSecret(args: {
  template: SecretTemplate;
  store: StoreKey;
  random: Random;
  now: Date;
  suffix?: string;
}): SecretPlan {
  const { template: t, store, random, now, suffix = "" } = args;
  const { sourceKey, name, externalId, environment } = placeInStore({ template: t, store, suffix, random });
  const team = AREA_TEAM[t.area];
  const [knowsDescription, knowsTier, knowsPrivilege, knowsKind, knowsRevoke, knowsLifetime] = KNOWN[store];
  const tierShift = environment === "staging" ? 1 : environment === "dev" ? 2 : 0;
  const tier = random.chance(knowsTier) ? (Math.min(4, t.tier + tierShift) as Tier) : null;
  const shortLived = t.ttlSeconds !== undefined;
  const consumers = consumersFor(t, store);
  const roles = pickRoles({ random, team, tier, sourceKey });
  const dates = planDates({ random, now, tier: tier ?? t.tier, shortLived });
  const tags: Record<string, string> = {};
  if ((sourceKey === "aws-prod" || sourceKey === "aws-staging") && random.chance(0.85)) {
    tags.team = team.toLowerCase();
    tags.service = consumers.find((c) => CONSUMER_KIND.get(c) === "service") ?? t.area;
    if (roles.operator) tags.owner = roles.operator;
  } else if (sourceKey === "vault" && roles.operator && random.chance(0.5)) {
    tags.owner = roles.operator;
  }
  return {
    key: `${store}:${t.slug}${suffix}`,
    sourceKey,
    area: t.area,
    team,
    pinned: false,
    quiet: tier === 4 && random.chance(0.5),
    values: {
      externalId,
      name,
      description: random.chance(knowsDescription) ? t.description : null,
      environment,
      kind: random.chance(knowsKind) ? t.kind : null,
      provider: t.provider,
      tier,
      privilege: random.chance(knowsPrivilege) ? t.privilege : null,
      lifetime: shortLived ? "short_lived" : random.chance(knowsLifetime) ? "static" : null,
      ttlSeconds: t.ttlSeconds ?? null,
      createdInSourceAt: store === "doppler" && random.chance(0.3) ? null : dates.createdInSourceAt,
      lastRotatedAt: store === "doppler" && random.chance(0.5) ? null : dates.lastRotatedAt,
      versionCount: store === "github" ? null : dates.versionCount,
      tags,
      revokePath: random.chance(knowsRevoke) ? revokePathFor(t.revoke, name, consumers) : null,
    },
    roles,
    consumers,
    locations: [
      ...(random.chance(store === "doppler" ? 0.9 : 0.97)
        ? [storeLocation({ sourceKey, name, foundAt: dates.createdInSourceAt })]
        : []),
      ...strayLocations({ random, now, repo: t.repo ?? "api" }),
    ],
  };
}

export function planInventorySecret(args: { item: InventoryItem; random: Random; now: Date }): SecretPlan {
  const { item, random, now } = args;
  const team = AREA_TEAM[item.area];
  const values = { ...item.values, externalId: item.values.name, tags: {} };
  const foundAt = daysBefore(now, random.int(30, 700));
  return {
    key: `inventory:${item.slug}`,
    sourceKey: "inventory",
    area: item.area,
    team,
    pinned: true,
    quiet: false,
    values,
    roles: pickRoles({ random, team, tier: (values.tier as Tier | null | undefined) ?? null, sourceKey: "inventory" }),
    consumers: [],
    locations: [{ ...item.place, foundBy: "inventory", foundAt }],
  };
}

/** The hand-written catalog: every template in every store it lives in, then the inventory file. */
export function planCatalogSecrets(args: { random: Random; now: Date }): SecretPlan[] {
  const fromTemplates = SECRET_TEMPLATES.flatMap((template) =>
    template.stores.map((store) => planTemplateSecret({ template, store, ...args })),
  );
  return [...fromTemplates, ...INVENTORY_ITEMS.map((item) => planInventorySecret({ item, ...args }))];
}

/** More secrets from the same building blocks, for benchmarks: numbered copies across the stores. */
export function planExtraSecrets(args: { count: number; random: Random; now: Date }): SecretPlan[] {
  const { count, random, now } = args;
  return Array.from({ length: count }, (_, i) => {
    const template = random.pick(SECRET_TEMPLATES);
    const store = random.pick(template.stores);
    return planTemplateSecret({ template, store, random, now, suffix: `-${String(i + 1).padStart(5, "0")}` });
  });
}
