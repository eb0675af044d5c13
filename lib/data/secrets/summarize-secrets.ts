import "server-only";
// Counts for the current view: how many secrets, how many unknowns in each column, how many gaps.
// "Unknown is shown, counted, and raises risk" — this is the counting. Role facts are aggregated
// once per secret in a grouped subquery rather than probed row by row.
import { eq, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { people, roleAssignments, secrets } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { getDb, type Queryable } from "@/lib/data/db";
import { secretWhere } from "@/lib/data/secrets/secret-filters";
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
const holderOf = (role: string) => sql`(array_agg(${roleAssignments.personId}) filter (where ${roleAssignments.role} = ${role}))[1]`;

export async function summarizeSecrets({ actor, filters, db = getDb() }: { actor: Actor; filters: SecretFilters; db?: Queryable }): Promise<SecretSummary> {
  const roles = db
    .select({
      secretId: roleAssignments.secretId,
      creator: sql<string | null>`${holderOf("creator")}`.as("creator"),
      operator: sql<string | null>`${holderOf("operator")}`.as("operator"),
      approver: sql<string | null>`${holderOf("approver")}`.as("approver"),
      commander: sql<string | null>`${holderOf("incident_commander")}`.as("commander"),
      offboarded: sql<boolean>`bool_or(${people.status} = 'offboarded')`.as("offboarded"),
    })
    .from(roleAssignments)
    .innerJoin(people, eq(people.id, roleAssignments.personId))
    .groupBy(roleAssignments.secretId)
    .as("r");
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
      creator: nulls(roles.creator),
      operator: nulls(roles.operator),
      approver: nulls(roles.approver),
      incident_commander: nulls(roles.commander),
      conflicts: countWhere(sql`${roles.approver} = ${roles.operator}`),
      offboardedHolders: countWhere(sql`${roles.offboarded}`),
    })
    .from(secrets)
    .leftJoin(roles, eq(roles.secretId, secrets.id))
    .where(secretWhere(actor, filters));
  if (!row) throw new Error("summary query returned no row");
  const { total, creator, operator, approver, incident_commander, conflicts, offboardedHolders, ...unknown } = row;
  return { total, unknown, missing: { creator, operator, approver, incident_commander }, conflicts, offboardedHolders };
}
