import "server-only";
// The inventory's filters as SQL, shared by the list, the summary, the CSV export and the overview's
// cards so they always agree on which secrets "the current view" (or a card's number) means.
import { and, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { locations, people, roleAssignments, secrets } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { secretScope } from "@/lib/data/scope";
import type { SecretFilters } from "@/lib/validation/secrets";

export const roleHeld = (role: string) =>
  sql`exists (select 1 from ${roleAssignments} ra where ra.secret_id = ${secrets.id} and ra.role = ${role})`;
const roleCount = sql`(select count(*) from ${roleAssignments} ra where ra.secret_id = ${secrets.id})`;
export const conflict = sql`exists (select 1 from ${roleAssignments} a join ${roleAssignments} o on o.secret_id = a.secret_id
  and o.role = 'operator' and o.person_id = a.person_id where a.secret_id = ${secrets.id} and a.role = 'approver')`;
export const offboardedHolder = sql`exists (select 1 from ${roleAssignments} ra join ${people} p on p.id = ra.person_id
  where ra.secret_id = ${secrets.id} and p.status = 'offboarded')`;

const notRotatedInYear = sql`(${secrets.lifetime} is distinct from 'short_lived'
  and (${secrets.lastRotatedAt} is null or ${secrets.lastRotatedAt} < now() - interval '365 days'))`;
const unsanctionedCopy = sql`exists (select 1 from ${locations} l where l.secret_id = ${secrets.id} and not l.sanctioned)`;

/** A filter value list where "unknown" means the column is null. */
function oneOf(column: AnyPgColumn, values: string[] | undefined) {
  if (!values?.length) return undefined;
  const known = values.filter((v) => v !== "unknown");
  return or(
    known.length ? inArray(sql`${column}::text`, known) : undefined,
    values.includes("unknown") ? isNull(column) : undefined,
  );
}

function gapCondition(gaps: SecretFilters["gaps"]): SQL | undefined {
  switch (gaps) {
    case undefined:
      return undefined;
    case "any":
      return sql`${roleCount} < 4`;
    case "conflict":
      return conflict;
    case "offboarded":
      return offboardedHolder;
    case "problems":
      return sql`(${roleCount} < 4 or ${conflict} or ${offboardedHolder})`;
    default:
      return sql`not ${roleHeld(gaps)}`;
  }
}

/** The secrets the filters select, whoever asks: the overview's company-wide counts use this alone. */
export function secretFilterWhere(filters: SecretFilters): SQL {
  const q = filters.q ? `%${filters.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  const conditions = [
    q ? sql`(${secrets.name} ilike ${q} or ${secrets.description} ilike ${q} or ${secrets.provider} ilike ${q} or ${secrets.externalId} ilike ${q})` : undefined,
    filters.source?.length ? inArray(secrets.sourceId, filters.source) : undefined,
    oneOf(secrets.environment, filters.environment),
    oneOf(secrets.tier, filters.tier),
    oneOf(secrets.kind, filters.kind),
    oneOf(secrets.lifetime, filters.lifetime),
    gapCondition(filters.gaps),
    filters.unknowns === "true" ? sql`${secrets.unknownCount} > 0` : undefined,
    filters.unknowns === "false" ? sql`${secrets.unknownCount} = 0` : undefined,
    filters.rotated === "over_a_year" ? notRotatedInYear : undefined,
    filters.rotated === "unknown" ? isNull(secrets.lastRotatedAt) : undefined,
    filters.copies === "unsanctioned" ? unsanctionedCopy : undefined,
  ];
  return and(...conditions.filter((c): c is SQL => c !== undefined)) ?? sql`true`;
}

/** The secrets an actor may see (lib/data/scope.ts) that the filters select. */
export function secretWhere(actor: Actor, filters: SecretFilters): SQL {
  return sql`(${secretScope(actor)}) and (${secretFilterWhere(filters)})`;
}
