import "server-only";
// Company-wide counts for the overview. Counts only — no names — so every role with
// metrics:read (sales included) may see them. Each number is the count of one inventory (or
// access-log) filter and its card links to that filter: the same where-clause makes both.
import { sql, type SQL } from "drizzle-orm";
import { accessEvents, locations, secrets } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { accessEventFilterWhere } from "@/lib/data/access-events/access-event-where";
import { getDb, type Queryable } from "@/lib/data/db";
import { secretFilterWhere } from "@/lib/data/secrets/secret-filters";
import { windowStart } from "@/lib/domain/day-window";
import { ENVIRONMENTS } from "@/lib/domain/registry-values";
import { AppError } from "@/lib/errors";
import type { AccessEventFilters } from "@/lib/validation/access-events";
import type { SecretFilters } from "@/lib/validation/secrets";

/** The filter behind each secret card (the ownership ones open the matrix, the rest the inventory). */
export const OVERVIEW_FILTERS = {
  secrets: {},
  missingRole: { gaps: "any" },
  missingIncidentCommander: { gaps: "incident_commander" },
  conflicts: { gaps: "conflict" },
  offboardedHolders: { gaps: "offboarded" },
  withUnknowns: { unknowns: "true" },
  withUnsanctionedCopies: { copies: "unsanctioned" },
  notRotatedInYear: { rotated: "over_a_year" },
} as const satisfies Record<string, SecretFilters>;
type Card = keyof typeof OVERVIEW_FILTERS;

const TIERS = ["1", "2", "3", "4", "unknown"] as const;
const ENVIRONMENT_VALUES = [...ENVIRONMENTS, "unknown"] as const;
export type Bar = { value: string; count: number; filters: SecretFilters };
export type Overview = Record<Card, number> & {
  unknownFields: number;
  unsanctionedCopies: number;
  byTier: Bar[];
  byEnvironment: Bar[];
  access: { since: string; events: number; failures: number; filters: { events: AccessEventFilters; failures: AccessEventFilters } };
};

const countOf = (condition: SQL) => sql<number>`count(*) filter (where ${condition})::int`;

export async function getOverview({ actor, db = getDb() }: { actor: Actor; db?: Queryable }): Promise<Overview> {
  if (!can(actor.role, "metrics:read")) throw new AppError("forbidden", "You may not see metrics");
  const bars = [...TIERS.map((tier): SecretFilters => ({ tier: [tier] })), ...ENVIRONMENT_VALUES.map((environment): SecretFilters => ({ environment: [environment] }))];
  const cards = Object.keys(OVERVIEW_FILTERS) as Card[];
  const [row] = await db
    .select({
      cards: sql<number[]>`array[${sql.join(cards.map((card) => countOf(secretFilterWhere(OVERVIEW_FILTERS[card]))), sql`, `)}]`,
      bars: sql<number[]>`array[${sql.join(bars.map((filters) => countOf(secretFilterWhere(filters))), sql`, `)}]`,
      unknownFields: sql<number>`coalesce(sum(${secrets.unknownCount}), 0)::int`,
      unsanctionedCopies: sql<number>`(select count(*)::int from ${locations} where not sanctioned)`,
    })
    .from(secrets);
  if (!row) throw new Error("overview query returned no row");
  const since = windowStart(30);
  const events: AccessEventFilters = { from: since };
  const failures: AccessEventFilters = { from: since, result: "failure" };
  const [access] = await db
    .select({ events: countOf(accessEventFilterWhere(events)), failures: countOf(accessEventFilterWhere(failures)) })
    .from(accessEvents)
    .where(accessEventFilterWhere(events));
  const bar = (i: number) => ({ value: "", count: row.bars[i] ?? 0, filters: bars[i]! });
  return {
    ...(Object.fromEntries(cards.map((card, i) => [card, row.cards[i] ?? 0])) as Record<Card, number>),
    unknownFields: row.unknownFields,
    unsanctionedCopies: row.unsanctionedCopies,
    byTier: TIERS.map((value, i) => ({ ...bar(i), value })).filter((b) => b.count > 0),
    byEnvironment: ENVIRONMENT_VALUES.map((value, i) => ({ ...bar(TIERS.length + i), value })).filter((b) => b.count > 0),
    access: { since, events: access?.events ?? 0, failures: access?.failures ?? 0, filters: { events, failures } },
  };
}
