// Which rotation policy holds a secret. Pure: the DAL loads the policy rows, the override and the
// secret's tier, environment and lifetime; this decides.
//
// - A secret is held to its tier × environment row.
// - Unknown is strict: an unknown tier or environment is held to the strictest row that could
//   apply (shortest interval, shortest grace, approval if any requires it). With the default
//   policies that is tier 1 / production.
// - Short-lived credentials (lifetime short_lived) are exempt: they expire on their own.
//   An unknown lifetime is treated as static.
// - A per-secret override wins: exempt, or its own interval and/or grace (the other from the row).
//   A grace that would reach the interval is cut to interval − 1 day. An override that is not
//   exempt also puts a short-lived credential on a schedule (someone decided it needs one).
import { ENVIRONMENTS } from "@/lib/domain/registry-values";

export const TIERS = [1, 2, 3, 4] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

export type PolicyRow = { tier: number; environment: Environment; intervalDays: number; graceDays: number; requiresApproval: boolean };
export type OverrideRow = { intervalDays: number | null; graceDays: number | null; exempt: boolean; reason: string };
export type SecretPolicyFacts = { tier: number | null; environment: Environment | null; lifetime: "static" | "short_lived" | null };

export type EffectivePolicy =
  | { exempt: true; why: "short_lived" | "override"; reason: string }
  | {
      exempt: false;
      intervalDays: number;
      graceDays: number;
      requiresApproval: boolean;
      /** The row it came from; tier/environment are null when unknown (strictest row used). */
      tier: number | null;
      environment: Environment | null;
      overridden: boolean;
    };

/** The defaults migration 0006 inserts: stricter for tier-1 production, looser down the tiers. */
export const DEFAULT_POLICIES: readonly PolicyRow[] = [
  { tier: 1, environment: "prod", intervalDays: 90, graceDays: 7, requiresApproval: true },
  { tier: 1, environment: "staging", intervalDays: 180, graceDays: 14, requiresApproval: false },
  { tier: 1, environment: "dev", intervalDays: 365, graceDays: 30, requiresApproval: false },
  { tier: 2, environment: "prod", intervalDays: 180, graceDays: 14, requiresApproval: false },
  { tier: 2, environment: "staging", intervalDays: 365, graceDays: 30, requiresApproval: false },
  { tier: 2, environment: "dev", intervalDays: 365, graceDays: 30, requiresApproval: false },
  { tier: 3, environment: "prod", intervalDays: 365, graceDays: 30, requiresApproval: false },
  { tier: 3, environment: "staging", intervalDays: 365, graceDays: 30, requiresApproval: false },
  { tier: 3, environment: "dev", intervalDays: 365, graceDays: 30, requiresApproval: false },
  { tier: 4, environment: "prod", intervalDays: 365, graceDays: 30, requiresApproval: false },
  { tier: 4, environment: "staging", intervalDays: 730, graceDays: 60, requiresApproval: false },
  { tier: 4, environment: "dev", intervalDays: 730, graceDays: 60, requiresApproval: false },
];

/** The rows that could apply to a secret: one when tier and environment are known, more when not. */
function candidateRows(policies: readonly PolicyRow[], facts: SecretPolicyFacts): PolicyRow[] {
  const knownTier = facts.tier !== null && (TIERS as readonly number[]).includes(facts.tier);
  return policies.filter(
    (row) => (!knownTier || row.tier === facts.tier) && (facts.environment === null || row.environment === facts.environment),
  );
}

export function resolvePolicy(args: { secret: SecretPolicyFacts; policies: readonly PolicyRow[]; override?: OverrideRow | null }): EffectivePolicy {
  const { secret, policies, override } = args;
  if (override?.exempt) return { exempt: true, why: "override", reason: override.reason };
  if (secret.lifetime === "short_lived" && !override) {
    return { exempt: true, why: "short_lived", reason: "Short-lived credential: it expires on its own" };
  }
  const rows = candidateRows(policies.length ? policies : DEFAULT_POLICIES, secret);
  const pool = rows.length ? rows : DEFAULT_POLICIES.filter((row) => row.tier === 1 && row.environment === "prod");
  const strictest = pool.reduce((a, b) => (b.intervalDays < a.intervalDays ? b : a));
  const intervalDays = override?.intervalDays ?? strictest.intervalDays;
  const baseGrace = override?.graceDays ?? Math.min(...pool.map((row) => row.graceDays));
  return {
    exempt: false,
    intervalDays,
    graceDays: Math.max(0, Math.min(baseGrace, intervalDays - 1)),
    requiresApproval: pool.some((row) => row.requiresApproval),
    tier: pool.every((row) => row.tier === strictest.tier) ? strictest.tier : null,
    environment: pool.every((row) => row.environment === strictest.environment) ? strictest.environment : null,
    overridden: Boolean(override && (override.intervalDays !== null || override.graceDays !== null)),
  };
}
