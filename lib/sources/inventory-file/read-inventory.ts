// Bytes or text → valid rows, or every problem with the file. Pure: whether the people it names
// exist is checked by the import, against the registry.
import { MAX_INVENTORY_BYTES, type InventoryColumn, type InventoryFormat, type InventoryRow } from "@/lib/sources/inventory-file/format";
import { parseCsv } from "@/lib/sources/inventory-file/parse-csv";
import { parseYaml } from "@/lib/sources/inventory-file/parse-yaml";
import { quote, sortProblems, type InventoryProblem } from "@/lib/sources/inventory-file/problems";
import { validateRecord } from "@/lib/sources/inventory-file/validate-row";
import { isUnknown } from "@/lib/sources/inventory-file/values";

/** `rows` are fit to import only when `problems` is empty. */
export type InventoryRead = { columns: InventoryColumn[]; rows: InventoryRow[]; problems: InventoryProblem[] };

export const tooLarge = (file: string, size: number, maxBytes: number): InventoryProblem => ({
  file,
  message: `the file is ${size.toLocaleString("en-US")} bytes; at most ${maxBytes.toLocaleString("en-US")} are read (split it, or keep large inventories in a secret store)`,
});

/** UTF-8 bytes → text; a file that is not UTF-8 is named with the first line that is not. */
export function decodeInventory({ bytes, file, maxBytes = MAX_INVENTORY_BYTES }: { bytes: Uint8Array; file: string; maxBytes?: number }): { text: string } | { problems: InventoryProblem[] } {
  if (bytes.byteLength > maxBytes) return { problems: [tooLarge(file, bytes.byteLength, maxBytes)] };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    const lines = new TextDecoder("utf-8").decode(bytes).split(/\r\n?|\n/);
    const line = lines.findIndex((l) => l.includes("\uFFFD")) + 1;
    return { problems: [{ file, ...(line > 0 ? { line } : {}), message: "the file is not UTF-8 text: save it as UTF-8 (CSV UTF-8 in Excel)" }] };
  }
}

export function readInventory({ text, format, file, maxBytes = MAX_INVENTORY_BYTES }: { text: string; format: InventoryFormat; file: string; maxBytes?: number }): InventoryRead {
  const size = Buffer.byteLength(text, "utf8");
  if (size > maxBytes) return { columns: [], rows: [], problems: [tooLarge(file, size, maxBytes)] };
  if (text.replace(/^\uFEFF/, "").trim() === "") {
    const expected = format === "csv" ? "a header line (name, environment, tier, …) and one line per secret" : 'a list with one "- name: ..." item per secret';
    return { columns: [], rows: [], problems: [{ file, message: `the file is empty: it needs ${expected}` }] };
  }
  const parsed = format === "csv" ? parseCsv({ text, file }) : parseYaml({ text, file });
  const problems = [...parsed.problems];
  const rows: InventoryRow[] = [];
  const firstLineOf = new Map<string, number>();
  for (const record of parsed.records) {
    const nameCell = record.cells.name;
    if (!nameCell && format === "yaml") {
      problems.push({ file, line: record.line, field: "name", message: "this item has no name: every secret needs one" });
    }
    const checked = validateRecord({ record, file });
    problems.push(...checked.problems);
    const name = typeof nameCell?.value === "string" && !isUnknown(nameCell.value) ? nameCell.value.trim() : "";
    const first = name ? firstLineOf.get(name.toLowerCase()) : undefined;
    if (first !== undefined) {
      problems.push({
        file,
        line: record.line,
        column: nameCell?.column,
        field: "name",
        message: `${quote(name)} is on line ${first} and line ${record.line}: each secret appears once (names are compared without regard to case)`,
      });
    } else if (name) {
      firstLineOf.set(name.toLowerCase(), record.line);
    }
    rows.push(checked.row);
  }
  return { columns: parsed.columns, rows, problems: sortProblems(problems) };
}
