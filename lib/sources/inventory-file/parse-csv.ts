// CSV → raw records, every cell with the line and field number it has in the ORIGINAL file (a
// quoted value may span lines). The separator (`,` `;` or tab) is read from the header line.
// Structural problems are collected; after a broken quote the rest of the file cannot be trusted,
// so checking stops there.
import { parse, type CsvError } from "csv-parse/sync";
import { unguardCell } from "@/lib/domain/csv";
import { INVENTORY_COLUMNS, toInventoryColumn, type InventoryColumn, type RawRecord } from "@/lib/sources/inventory-file/format";
import { quote, type InventoryProblem } from "@/lib/sources/inventory-file/problems";

export type ParsedInventory = { columns: InventoryColumn[]; records: RawRecord[]; problems: InventoryProblem[] };
type Info = { lines: number };

const SEPARATORS = [",", ";", "\t"] as const;
const SEPARATOR_NAMES = { ",": "comma", ";": "semicolon", "\t": "tab" } as const;

/** Splits one line on `separator` outside quotes (only to choose the separator). */
function splitHeaderLine(line: string, separator: string): string[] {
  const fields = [""];
  let quoted = false;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    else if (char === separator && !quoted) fields.push("");
    else fields[fields.length - 1] += char;
  }
  return fields;
}

/** The separator that turns the header line into the most known column names. */
export function detectSeparator(headerLine: string): (typeof SEPARATORS)[number] {
  const score = (separator: string) => {
    const fields = splitHeaderLine(headerLine, separator);
    return fields.filter((f) => toInventoryColumn(f.replaceAll('"', "")) !== null).length * 1000 + fields.length;
  };
  return SEPARATORS.reduce((best, s) => (score(s) > score(best) ? s : best));
}

/** The line (1-based) on which each field of a record starts, from the record's raw text. */
function fieldLines(raw: string, endLine: number, separator: string): number[] {
  const text = raw.replace(/^\n+/, "").replace(/\n$/, "");
  let line = endLine - (text.match(/\n/g)?.length ?? 0);
  if (!text.includes("\n")) return [line];
  const lines = [line];
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (char === "\n") line++;
    else if (char === separator && !quoted) lines.push(line);
  }
  return lines;
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text[i] === "\n") line++;
  return line;
}

function describeCsvError(error: CsvError, text: string): Omit<InventoryProblem, "file"> {
  const column = typeof error.index === "number" ? error.index + 1 : undefined;
  const line = typeof error.lines === "number" ? error.lines : undefined;
  const stop = " (the lines after it were not checked: fix this first)";
  if (error.code === "CSV_QUOTE_NOT_CLOSED") {
    // The error names the last line of the file; the record with the open quote runs from its start to there.
    const raw = typeof error.raw === "string" ? error.raw : "";
    const start = raw && text.endsWith(raw) ? lineAt(text, text.length - raw.length + Math.max(0, raw.search(/\S/))) : line;
    return { line: start, message: `a quoted value that starts on this line is never closed: end it with "${stop}` };
  }
  if (error.code === "INVALID_OPENING_QUOTE") {
    return { line, column, message: `a quote (") inside a value that does not start with one: put the whole value in quotes and double the inner quote, e.g. "MacBook 13"" of Dana"${stop}` };
  }
  if (error.code === "CSV_INVALID_CLOSING_QUOTE") {
    return { line, column, message: `text follows the closing quote of a value: put the whole value in quotes and double any quote inside it${stop}` };
  }
  return { line, column, message: `${error.message}${stop}` };
}

function readHeader({ header, line, file }: { header: string[]; line: number; file: string }) {
  const problems: InventoryProblem[] = [];
  const seen = new Map<InventoryColumn, number>();
  const columns = header.map((cell, i) => {
    const column = toInventoryColumn(cell);
    const at = { file, line, column: i + 1 };
    if (cell === "") return null; // spreadsheets add blank columns; a value under one is reported per row
    if (!column) {
      problems.push({ ...at, field: cell, message: `unknown column ${quote(cell)}; the columns are: ${INVENTORY_COLUMNS.join(", ")}` });
      return null;
    }
    const first = seen.get(column);
    if (first !== undefined) {
      problems.push({ ...at, field: column, message: `column ${column} appears twice (columns ${first} and ${i + 1})` });
      return null;
    }
    seen.set(column, i + 1);
    return column;
  });
  if (!seen.has("name")) problems.push({ file, line, message: `there is no name column: the header needs at least "name" (the columns are: ${INVENTORY_COLUMNS.join(", ")})` });
  return { columns, problems };
}

export function parseCsv({ text, file }: { text: string; file: string }): ParsedInventory {
  const normalized = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const firstLine = normalized.trimStart().split("\n", 1)[0] ?? "";
  const separator = detectSeparator(firstLine);
  const problems: InventoryProblem[] = [];
  let stoppedAt = Infinity;
  const rows = parse(normalized, {
    delimiter: separator,
    info: true,
    raw: true,
    trim: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (error) => {
      if (!error || stoppedAt !== Infinity) return;
      stoppedAt = typeof error.lines === "number" ? error.lines : 0;
      problems.push({ file, ...describeCsvError(error, normalized) });
    },
  }) as unknown as { record: string[]; raw: string; info: Info }[];

  const [headerRow, ...dataRows] = rows;
  if (!headerRow) return { columns: [], records: [], problems };
  const header = readHeader({ header: headerRow.record, line: fieldLines(headerRow.raw, headerRow.info.lines, separator)[0] as number, file });
  problems.push(...header.problems);
  const records: RawRecord[] = [];
  for (const { record, raw, info } of dataRows) {
    if (info.lines >= stoppedAt) break;
    if (record.every((cell) => cell === "")) continue;
    const lines = fieldLines(raw, info.lines, separator);
    const line = lines[0] as number;
    if (record.length !== header.columns.length) {
      problems.push({
        file,
        line,
        message: `this row has ${record.length} fields but the header has ${header.columns.length} (${SEPARATOR_NAMES[separator]}-separated): a value that contains the separator must be in quotes`,
      });
      continue;
    }
    const cells: RawRecord["cells"] = {};
    header.columns.forEach((column, i) => {
      const value = record[i] as string;
      const at = { line: lines[i] ?? line, column: i + 1 };
      if (column) cells[column] = { value: unguardCell(value), ...at };
      else if (value !== "" && headerRow.record[i] === "") problems.push({ file, ...at, message: `a value in a column that has no name in the header: ${quote(value)}` });
    });
    records.push({ line, cells });
  }
  return { columns: header.columns.filter((c): c is InventoryColumn => c !== null), records, problems };
}
