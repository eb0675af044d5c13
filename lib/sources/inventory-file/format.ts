// The inventory file: the hand-kept list of secrets that live in no connected store, one row (CSV)
// or one mapping (YAML) per secret. The full format is documented in ./README.md.
import type { Secret } from "@/db/schema";
import type { LOCATION_KINDS } from "@/lib/domain/registry-values";
import type { OwnershipRole } from "@/lib/domain/roles";

export const INVENTORY_COLUMNS = [
  "name",
  "environment",
  "tier",
  "kind",
  "provider",
  "privilege",
  "lifetime",
  "ttl",
  "creator",
  "operator",
  "approver",
  "incident_commander",
  "consumers",
  "revoke_path",
  "locations",
  "description",
] as const;
export type InventoryColumn = (typeof INVENTORY_COLUMNS)[number];
export type InventoryFormat = "csv" | "yaml";

export const ROLE_COLUMNS = ["creator", "operator", "approver", "incident_commander"] as const satisfies readonly OwnershipRole[];
export const LIST_COLUMNS = ["consumers", "locations"] as const;

/** Above this a file is refused before it is parsed. A top-20 list is a few kilobytes. */
export const MAX_INVENTORY_BYTES = 10 * 1024 * 1024;
/** The word for "nobody has filled this" in every column; an empty cell means the same. */
export const UNKNOWN = "unknown";
/** Locations found by people (this file, the UI) rather than by a scanner or a sync. */
export const DECLARED_FOUND_BY = ["inventory", "declared"] as const;
export const IMPORT_FOUND_BY = "inventory";

const COLUMN_SET = new Set<string>(INVENTORY_COLUMNS);

/** `Incident Commander`, `incident-commander` and `incident_commander` are one column. */
export function normalizeColumnName(header: string): string {
  return header.trim().toLowerCase().replace(/[\s-]+/g, "_");
}

export function toInventoryColumn(header: string): InventoryColumn | null {
  const name = normalizeColumnName(header);
  return COLUMN_SET.has(name) ? (name as InventoryColumn) : null;
}

export function inferInventoryFormat(fileName: string): InventoryFormat | null {
  if (/\.(csv|tsv|txt)$/i.test(fileName)) return "csv";
  if (/\.ya?ml$/i.test(fileName)) return "yaml";
  return null;
}

export type LocationKind = (typeof LOCATION_KINDS)[number];
export type DeclaredLocation = { kind: LocationKind; place: string; sanctioned: boolean; personEmail: string | null };

/** The secret columns a file can set; null is unknown. */
export type SecretFields = Pick<
  Secret,
  "environment" | "tier" | "kind" | "provider" | "privilege" | "lifetime" | "ttlSeconds" | "revokePath" | "description"
>;
export type SecretField = keyof SecretFields;

export const FIELD_OF_COLUMN = {
  environment: "environment",
  tier: "tier",
  kind: "kind",
  provider: "provider",
  privilege: "privilege",
  lifetime: "lifetime",
  ttl: "ttlSeconds",
  revoke_path: "revokePath",
  description: "description",
} as const satisfies Partial<Record<InventoryColumn, SecretField>>;
export type FieldColumn = keyof typeof FIELD_OF_COLUMN;

/** What the registry holds for one secret, in the terms of the file: import diffs against it, export writes it. */
export type StoredLocation = { id: string; kind: LocationKind; place: string; sanctioned: boolean; personId: string | null; personEmail: string | null; foundBy: string };
export type StoredSecret = SecretFields & {
  id: string;
  sourceName: string;
  externalId: string;
  name: string;
  missingSince: Date | null;
  roles: Map<OwnershipRole, { personId: string; email: string }>;
  /** Consumer name → id. */
  consumers: Map<string, string>;
  locations: StoredLocation[];
};

/** Where a value sits in the file: line (1-based) and column (CSV: field number; YAML: character). */
export type Position = { line: number; column: number };

/** One valid row. Only the columns the file has are set: a column the file lacks is left alone. */
export type InventoryRow = {
  line: number;
  name: string;
  fields: Partial<SecretFields>;
  /** E-mail (lower case) per role; null = unknown, so the role is cleared. */
  roles: Partial<Record<OwnershipRole, string | null>>;
  consumers?: string[];
  locations?: DeclaredLocation[];
  at: Partial<Record<InventoryColumn, Position>>;
};

/** A parsed but not yet validated cell: a string (CSV, YAML scalar), a list (YAML) or null (YAML `~`). */
export type RawCell = Position & { value: string | string[] | null };
export type RawRecord = { line: number; cells: Partial<Record<InventoryColumn, RawCell>> };
