import "server-only";
// Counts for the current view: how many secrets, how many unknowns in each column, how many gaps.
// "Unknown is shown, counted, and raises risk" — this is the counting.
import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { secrets } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { getDb, type Queryable } from "@/lib/data/db";
import { conflict, offboardedHolder, roleHeld, secretWhere } from "@/lib/data/secrets/secret-filters";
import type { SecretFilters } from "@/lib/validation/secrets";

export const UNKNOWN_COLUMNS = ["environment", "tier", "kind", "provider", "privilege", "lifetime", "lastRotated", "created", "revokePath", "description"] as const;
export type SecretSummary = {
  total: number;
  unknown: Record<(typeof UNKNOWN_COLUMNS)[number], number>;
  missing: { creator: number; operator: number; approver: number; incident_commander: number };
  conflicts: number;
  offboardedHolders: number;
};

const countWhere = (condition: SQL) => sql<number>`count(*) filter (where ${condition})::int`;
const missing = (role: string) => countWhere(sql`not ${roleHeld(role)}`);

export async function summarizeSecrets({ actor, filters, db = getDb() }: { actor: Actor; filters: SecretFilters; db?: Queryable }): Promise<SecretSummary> {
  const nulls = (column: SQLWrapper) => countWhere(sql`${column} is null`);
  const [row] = await db
    .select({
      total: sql<number>`count(*)::int`,
      environment: nulls(secrets.environment),
      tier: nulls(secrets.tier),
      kind: nulls(secrets.kind),
      provider: nulls(secrets.provider),
      privilege: nulls(secrets.privilege),
      lifetime: nulls(secrets.lifetime),
      lastRotated: nulls(secrets.lastRotatedAt),
      created: nulls(secrets.createdInSourceAt),
      revokePath: nulls(secrets.revokePath),
      description: nulls(secrets.description),
      creator: missing("creator"),
      operator: missing("operator"),
      approver: missing("approver"),
      incident_commander: missing("incident_commander"),
      conflicts: countWhere(conflict),
      offboardedHolders: countWhere(offboardedHolder),
    })
    .from(secrets)
    .where(secretWhere(actor, filters));
  if (!row) throw new Error("summary query returned no row");
  const { total, creator, operator, approver, incident_commander, conflicts, offboardedHolders, ...unknown } = row;
  return { total, unknown, missing: { creator, operator, approver, incident_commander }, conflicts, offboardedHolders };
}
