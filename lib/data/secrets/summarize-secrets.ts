import "server-only";
// Counts for the current view: how many secrets, how many unknowns in each column, how many gaps.
// "Unknown is shown, counted, and raises risk" — this is the counting. Every count that the page
// links to a filter is that filter's own condition (secret-filters.ts), so a click shows its rows.
import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { secrets } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { getDb, type Queryable } from "@/lib/data/db";
import { secretFilterWhere, secretWhere } from "@/lib/data/secrets/secret-filters";
import type { SecretFilters } from "@/lib/validation/secrets";

export const UNKNOWN_COLUMNS = ["environment", "tier", "kind", "provider", "privilege", "lifetime", "lastRotated", "created", "revokePath", "description"] as const;
export type SecretSummary = {
  total: number;
  unknown: Record<(typeof UNKNOWN_COLUMNS)[number], number>;
  /** The sum of the unknown columns over the view: what "N unknown fields" says. */
  unknownFields: number;
  missing: { creator: number; operator: number; approver: number; incident_commander: number };
  conflicts: number;
  offboardedHolders: number;
};

const countWhere = (condition: SQL) => sql<number>`count(*) filter (where ${condition})::int`;
const matching = (filters: SecretFilters) => countWhere(secretFilterWhere(filters));
const nulls = (column: SQLWrapper) => countWhere(sql`${column} is null`);

export async function summarizeSecrets({ actor, filters, db = getDb() }: { actor: Actor; filters: SecretFilters; db?: Queryable }): Promise<SecretSummary> {
  const [row] = await db
    .select({
      total: sql<number>`count(*)::int`,
      environment: matching({ environment: ["unknown"] }),
      tier: matching({ tier: ["unknown"] }),
      kind: matching({ kind: ["unknown"] }),
      provider: nulls(secrets.provider),
      privilege: nulls(secrets.privilege),
      lifetime: matching({ lifetime: ["unknown"] }),
      lastRotated: matching({ rotated: "unknown" }),
      created: nulls(secrets.createdInSourceAt),
      revokePath: nulls(secrets.revokePath),
      description: nulls(secrets.description),
      unknownFields: sql<number>`coalesce(sum(${secrets.unknownCount}), 0)::int`,
      creator: matching({ gaps: "creator" }),
      operator: matching({ gaps: "operator" }),
      approver: matching({ gaps: "approver" }),
      incident_commander: matching({ gaps: "incident_commander" }),
      conflicts: matching({ gaps: "conflict" }),
      offboardedHolders: matching({ gaps: "offboarded" }),
    })
    .from(secrets)
    .where(secretWhere(actor, filters));
  if (!row) throw new Error("summary query returned no row");
  const { total, unknownFields, creator, operator, approver, incident_commander, conflicts, offboardedHolders, ...unknown } = row;
  return { total, unknown, unknownFields, missing: { creator, operator, approver, incident_commander }, conflicts, offboardedHolders };
}
