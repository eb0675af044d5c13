// Secrets → an inventory file, in the format import reads: one row per secret, ordered by name,
// `unknown` for every null. Secrets marked missing are left out (they are not in the file any
// more); locations are the declared ones (scanner and sync findings are not the file's). Pure.
import { stringify as stringifyYaml } from "yaml";
import { csvRow } from "@/lib/domain/csv";
import { formatDuration } from "@/lib/sources/inventory-file/duration";
import { DECLARED_FOUND_BY, INVENTORY_COLUMNS, ROLE_COLUMNS, UNKNOWN, type InventoryColumn, type InventoryFormat, type StoredSecret } from "@/lib/sources/inventory-file/format";
import { joinList } from "@/lib/sources/inventory-file/list-syntax";
import { formatLocation } from "@/lib/sources/inventory-file/location-syntax";

type ExportValue = string | number | string[];
const DECLARED = new Set<string>(DECLARED_FOUND_BY);

/** Code-unit order: the same on every machine, whatever the database's collation. */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function toRecord(secret: StoredSecret): Record<InventoryColumn, ExportValue> {
  const known = <T>(value: T | null, show: (v: T) => ExportValue = (v) => String(v)) => (value === null ? UNKNOWN : show(value));
  const list = (entries: string[]) => (entries.length ? entries.sort(byText) : UNKNOWN);
  const declared = secret.locations.filter((l) => DECLARED.has(l.foundBy));
  const roles = Object.fromEntries(ROLE_COLUMNS.map((role) => [role, secret.roles.get(role)?.email ?? UNKNOWN]));
  return {
    name: secret.name,
    environment: known(secret.environment),
    tier: known(secret.tier, (tier) => tier),
    kind: known(secret.kind),
    provider: known(secret.provider),
    privilege: known(secret.privilege),
    lifetime: known(secret.lifetime),
    ttl: known(secret.ttlSeconds, formatDuration),
    creator: roles.creator as string,
    operator: roles.operator as string,
    approver: roles.approver as string,
    incident_commander: roles.incident_commander as string,
    consumers: list([...secret.consumers.keys()]),
    revoke_path: known(secret.revokePath),
    locations: list(declared.map(formatLocation)),
    description: known(secret.description),
  };
}

export function renderInventory({ secrets, format }: { secrets: StoredSecret[]; format: InventoryFormat }): string {
  const ordered = secrets
    .filter((secret) => !secret.missingSince)
    .sort((a, b) => byText(a.name, b.name) || byText(a.sourceName, b.sourceName) || byText(a.externalId, b.externalId));
  const records = ordered.map(toRecord);
  if (format === "yaml") return records.length ? stringifyYaml(records, { lineWidth: 0 }) : "[]\n";
  // Guarded and quoted by the rule every Keyledger CSV follows (lib/domain/csv.ts); import undoes the guard.
  const cell = (value: ExportValue) => (Array.isArray(value) ? joinList(value) : String(value));
  const rows = records.map((record) => csvRow(INVENTORY_COLUMNS.map((column) => cell(record[column])), "\n"));
  return [csvRow([...INVENTORY_COLUMNS], "\n"), ...rows].join("");
}
