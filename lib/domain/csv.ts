// The one rule for every CSV Keyledger writes — the CSV exports and the inventory file:
// - A cell a spreadsheet would run as a formula (starting with = + - @, tab or CR, after any
//   number of ') gets one more leading '. The spreadsheet shows the text; the inventory-file
//   reader drops exactly that one ' again (unguardCell), so export → import gives back every
//   value byte for byte: guarding is applied only where a ' run precedes a formula character,
//   and undone only there.
// - RFC 4180 quoting for a quote, comma or line break — and for a `;` or tab that a spreadsheet
//   splitting on it (the `;` locales) would turn into a cell starting a formula ("a;=cmd()").
const FORMULA = /^'*[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]|[;\t]\s*[=+\-@]/;

export function guardCell(text: string): string {
  return FORMULA.test(text) ? `'${text}` : text;
}

export function unguardCell(text: string): string {
  return text.startsWith("'") && FORMULA.test(text) ? text.slice(1) : text;
}

export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  const text = guardCell(String(value));
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record; CRLF by default (RFC 4180), LF for the inventory file (it lives in git). */
export function csvRow(values: (string | number | null | undefined)[], eol: "\r\n" | "\n" = "\r\n"): string {
  return `${values.map(csvCell).join(",")}${eol}`;
}
