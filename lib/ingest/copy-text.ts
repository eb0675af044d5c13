// PostgreSQL COPY text format: tab-separated, \N for null, backslash escapes for \, tab, LF, CR.
const ESCAPES: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };

export function copyField(value: string | null): string {
  return value === null ? "\\N" : value.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]!);
}

export function copyRow(values: (string | null)[]): string {
  return `${values.map(copyField).join("\t")}\n`;
}
