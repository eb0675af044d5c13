// Store tags / labels / custom metadata → registry fields, with configurable keys. A value the
// tags do not give (or give as "unknown") stays null: unknown, never a guess.
import { OWNERSHIP_ROLES, type OwnershipRole } from "@/lib/domain/roles";
import type { SecretMetadata } from "@/lib/sources/types";

export type TagKeys = {
  creator: string[];
  operator: string[];
  approver: string[];
  incident_commander: string[];
  environment: string[];
  tier: string[];
  service: string[];
};

export const DEFAULT_TAG_KEYS: TagKeys = {
  creator: ["creator", "created-by", "created_by"],
  operator: ["operator", "owner"],
  approver: ["approver"],
  incident_commander: ["incident-commander", "incident_commander", "ic"],
  environment: ["env", "environment", "stage"],
  tier: ["tier", "criticality"],
  service: ["service", "app", "application"],
};

type Environment = NonNullable<SecretMetadata["environment"]>;

const ENVIRONMENTS: Record<string, Environment> = {
  prod: "prod", production: "prod", prd: "prod", live: "prod",
  staging: "staging", stage: "staging", stg: "staging", preprod: "staging", uat: "staging",
  dev: "dev", development: "dev", test: "dev", sandbox: "dev", local: "dev",
};

function pick(tags: Record<string, string>, keys: string[]): string | null {
  const lower = new Map(Object.entries(tags).map(([k, v]) => [k.toLowerCase(), v.trim()]));
  for (const key of keys) {
    const value = lower.get(key.toLowerCase());
    if (value && value.toLowerCase() !== "unknown") return value;
  }
  return null;
}

export function parseEnvironment(value: string | null | undefined): Environment | null {
  return value ? (ENVIRONMENTS[value.trim().toLowerCase()] ?? null) : null;
}

export function parseTier(value: string | null | undefined): 1 | 2 | 3 | 4 | null {
  const match = value?.trim().match(/^(?:tier[-_ ]?)?([1-4])$/i);
  return match ? (Number(match[1]) as 1 | 2 | 3 | 4) : null;
}

export type MappedTags = Pick<SecretMetadata, "owners" | "environment" | "tier" | "consumers">;

export function mapTags(tags: Record<string, string>, keys: TagKeys = DEFAULT_TAG_KEYS): MappedTags {
  const owners: Partial<Record<OwnershipRole, string>> = {};
  for (const role of OWNERSHIP_ROLES) {
    const value = pick(tags, keys[role]);
    if (value) owners[role] = value;
  }
  const service = pick(tags, keys.service);
  return {
    owners,
    environment: parseEnvironment(pick(tags, keys.environment)),
    tier: parseTier(pick(tags, keys.tier)),
    consumers: service ? service.split(/[,;\s]+/).filter(Boolean) : [],
  };
}
