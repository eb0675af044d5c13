// A list in one cell: entries separated by `;`, blanks around them ignored. An entry that itself
// contains `;` writes it as `\;`.
const SEPARATOR = /(?<!\\);/;

export function splitList(cell: string): string[] {
  return cell
    .split(SEPARATOR)
    .map((entry) => entry.replaceAll("\\;", ";").trim())
    .filter((entry) => entry !== "");
}

export function joinList(entries: readonly string[]): string {
  return entries.map((entry) => entry.replaceAll(";", "\\;")).join("; ");
}
