// YAML → raw records: a list of mappings with the same keys as the CSV columns. Read with the
// failsafe schema, so every scalar stays the text it was written as (`1.10` is not 1.1, `no` is
// not false); only an unquoted `~` or `null` means unknown. Lines and columns are the file's.
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from "yaml";
import { INVENTORY_COLUMNS, LIST_COLUMNS, toInventoryColumn, type InventoryColumn, type RawCell, type RawRecord } from "@/lib/sources/inventory-file/format";
import type { ParsedInventory } from "@/lib/sources/inventory-file/parse-csv";
import { quote, type InventoryProblem } from "@/lib/sources/inventory-file/problems";

const EXAMPLE = `e.g.\n- name: Office Wi-Fi passphrase\n  tier: 4`;
const LIST_SET = new Set<InventoryColumn>(LIST_COLUMNS);

export function parseYaml({ text, file }: { text: string; file: string }): ParsedInventory {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ""), { schema: "failsafe", lineCounter, uniqueKeys: true });
  const problems: InventoryProblem[] = [];
  const at = (node: Node | null | undefined, fallback = 0) => {
    const { line, col } = lineCounter.linePos(node?.range?.[0] ?? fallback);
    return { line, column: col };
  };
  const problem = (where: { line: number; column: number }, message: string, field?: string) =>
    problems.push({ file, ...where, ...(field ? { field } : {}), message });

  for (const error of doc.errors) {
    const [pos] = error.linePos ?? [];
    const message = (error.message.split("\n")[0] ?? error.code).replace(/ at line \d+, column \d+:?$/, "");
    problems.push({ file, ...(pos ? { line: pos.line, column: pos.col } : {}), message });
  }
  if (doc.errors.length) return { columns: [], records: [], problems };

  const root = doc.contents;
  if (!isSeq(root)) {
    problem(at(root), `the file must be a list of secrets, one "- name: ..." item each (${EXAMPLE})`);
    return { columns: [], records: [], problems };
  }
  const columns = new Set<InventoryColumn>();
  const records: RawRecord[] = [];
  for (const item of root.items) {
    const itemAt = at(item as Node);
    if (!isMap(item)) {
      problem(itemAt, `each item must be a mapping of column: value (${EXAMPLE})`);
      continue;
    }
    const cells: RawRecord["cells"] = {};
    for (const pair of item.items) {
      const keyNode = pair.key as Node | null;
      const key = isScalar(keyNode) ? String(keyNode.value) : null;
      const column = key === null ? null : toInventoryColumn(key);
      if (!column) {
        problem(at(keyNode, item.range[0]), `unknown key ${quote(key ?? "")}; the keys are: ${INVENTORY_COLUMNS.join(", ")}`, key ?? undefined);
        continue;
      }
      if (cells[column]) {
        problem(at(keyNode), `${column} is given twice in this item (also on line ${cells[column].line})`, column);
        continue;
      }
      columns.add(column);
      const valueNode = pair.value as Node | null;
      const where = valueNode ? at(valueNode) : at(keyNode);
      const value = readValue({ node: valueNode, list: LIST_SET.has(column) });
      if (typeof value === "object" && value !== null && "error" in value) problem(where, value.error, column);
      else cells[column] = { value, ...where };
    }
    records.push({ line: itemAt.line, cells });
  }
  return { columns: INVENTORY_COLUMNS.filter((c) => columns.has(c)), records, problems };
}

function readScalar(node: Node | null): string | null | { error: string } {
  if (node === null) return null;
  if (isAlias(node)) return { error: "aliases (*name) are not supported: write the value out" };
  if (!isScalar(node)) return { error: `must be a single value, not a ${isSeq(node) ? "list" : "mapping"}` };
  const text = String(node.value);
  if (node.type === "PLAIN" && /^(~|null|Null|NULL)$/.test(text)) return null;
  return text;
}

/** `- laptop: MacBook of Dana` in a list is a one-pair mapping to YAML; here it is the entry "laptop: MacBook of Dana". */
function readPair(pair: { key: unknown; value: unknown } | undefined): string | null | { error: string } {
  const key = readScalar((pair?.key ?? null) as Node | null);
  const value = readScalar((pair?.value ?? null) as Node | null);
  if (typeof key !== "string" || (value !== null && typeof value !== "string")) return { error: "must be a single value, not a mapping" };
  return `${key}: ${value ?? ""}`;
}

function readValue({ node, list }: { node: Node | null; list: boolean }): RawCell["value"] | { error: string } {
  if (!list || !isSeq(node)) return readScalar(node);
  const items: string[] = [];
  for (const entry of node.items) {
    const value = isMap(entry) && entry.items.length === 1 ? readPair(entry.items[0]) : readScalar(entry as Node);
    if (typeof value === "object" && value !== null) return { error: `list entries must be text: ${value.error}` };
    if (value !== null) items.push(value);
  }
  return items;
}
