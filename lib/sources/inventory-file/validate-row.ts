// One raw record → one inventory row, or the problems with it, each at the cell it is in.
// Only the columns the file has end up in the row. The row comes back even with problems (holding
// what did parse), so that the people it names are still checked against the registry.
import {
  FIELD_OF_COLUMN,
  ROLE_COLUMNS,
  type DeclaredLocation,
  type FieldColumn,
  type InventoryColumn,
  type InventoryRow,
  type RawCell,
  type RawRecord,
  type SecretFields,
} from "@/lib/sources/inventory-file/format";
import { parseDuration } from "@/lib/sources/inventory-file/duration";
import { splitList } from "@/lib/sources/inventory-file/list-syntax";
import { locationKey, parseLocation } from "@/lib/sources/inventory-file/location-syntax";
import { quote, type InventoryProblem } from "@/lib/sources/inventory-file/problems";
import {
  isUnknown,
  MAX_NAME_LENGTH,
  MAX_TEXT_LENGTH,
  parseEmail,
  parseEnvironment,
  parseKind,
  parseLifetime,
  parsePrivilege,
  parseText,
  parseTier,
  type Parsed,
} from "@/lib/sources/inventory-file/values";

const FIELD_PARSERS: { [C in FieldColumn]: (value: string) => Parsed<SecretFields[(typeof FIELD_OF_COLUMN)[C]]> } = {
  environment: parseEnvironment,
  tier: parseTier,
  kind: parseKind,
  provider: (value) => parseText(value, 200),
  privilege: parsePrivilege,
  lifetime: parseLifetime,
  ttl: parseDuration,
  revoke_path: (value) => parseText(value),
  description: (value) => parseText(value),
};

export function validateRecord({ record, file }: { record: RawRecord; file: string }): { row: InventoryRow; problems: InventoryProblem[] } {
  const problems: InventoryProblem[] = [];
  const report = (column: InventoryColumn, cell: RawCell, message: string) =>
    problems.push({ file, line: cell.line, column: cell.column, field: column, message });
  const at: InventoryRow["at"] = {};
  for (const [column, cell] of Object.entries(record.cells)) at[column as InventoryColumn] = { line: cell.line, column: cell.column };

  /** The cell as one string, or null for unknown; a list where one value belongs is a problem. */
  const single = (column: InventoryColumn): string | null | undefined => {
    const cell = record.cells[column];
    if (!cell) return undefined;
    if (Array.isArray(cell.value)) {
      report(column, cell, "must be a single value, not a list");
      return undefined;
    }
    return cell.value === null || isUnknown(cell.value) ? null : cell.value.trim();
  };
  const list = (column: InventoryColumn): { entries: string[]; cell: RawCell } | undefined => {
    const cell = record.cells[column];
    if (!cell) return undefined;
    const raw = cell.value === null ? [] : Array.isArray(cell.value) ? cell.value.map((v) => v.trim()) : splitList(cell.value);
    return { entries: raw.filter((entry) => !isUnknown(entry)), cell };
  };

  const nameCell = record.cells.name;
  const name = single("name");
  if (nameCell && name === null) report("name", nameCell, "every secret needs a name (unknown is not a name)");
  if (nameCell && name && name.length > MAX_NAME_LENGTH) report("name", nameCell, `is ${name.length} characters long; at most ${MAX_NAME_LENGTH} fit`);

  const fields: Record<string, unknown> = {};
  for (const column of Object.keys(FIELD_OF_COLUMN) as FieldColumn[]) {
    const text = single(column);
    if (text === undefined) continue;
    if (text === null) {
      fields[FIELD_OF_COLUMN[column]] = null;
      continue;
    }
    const parsed = FIELD_PARSERS[column](text);
    if (parsed.ok) fields[FIELD_OF_COLUMN[column]] = parsed.value;
    else report(column, record.cells[column] as RawCell, parsed.message);
  }

  const roles: InventoryRow["roles"] = {};
  for (const role of ROLE_COLUMNS) {
    const text = single(role);
    if (text === undefined) continue;
    if (text === null) {
      roles[role] = null;
      continue;
    }
    const email = parseEmail(text);
    if (email.ok) roles[role] = email.value;
    else report(role, record.cells[role] as RawCell, email.message);
  }

  const consumerList = list("consumers");
  let consumers: string[] | undefined;
  if (consumerList) {
    consumers = [...new Set(consumerList.entries)];
    for (const consumer of consumers) {
      if (consumer.length > MAX_NAME_LENGTH) report("consumers", consumerList.cell, `${quote(consumer)} is longer than ${MAX_NAME_LENGTH} characters`);
    }
  }

  const locationList = list("locations");
  let locations: DeclaredLocation[] | undefined;
  if (locationList) {
    const byKey = new Map<string, DeclaredLocation>();
    for (const entry of locationList.entries) {
      const parsed = entry.length > MAX_TEXT_LENGTH ? { ok: false as const, message: `an entry is longer than ${MAX_TEXT_LENGTH} characters` } : parseLocation(entry);
      if (!parsed.ok) {
        report("locations", locationList.cell, parsed.message);
        continue;
      }
      const key = locationKey(parsed.value);
      const twin = byKey.get(key);
      if (twin && (twin.sanctioned !== parsed.value.sanctioned || twin.personEmail !== parsed.value.personEmail)) {
        report("locations", locationList.cell, `${parsed.value.kind}: ${parsed.value.place} is listed twice, differently`);
      }
      byKey.set(key, parsed.value);
    }
    locations = [...byKey.values()];
  }

  return {
    row: {
      line: record.line,
      name: name ?? "",
      fields: fields as Partial<SecretFields>,
      roles,
      ...(consumers ? { consumers } : {}),
      ...(locations ? { locations } : {}),
      at,
    },
    problems,
  };
}
