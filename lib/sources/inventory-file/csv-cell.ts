// Cells that a spreadsheet would run as a formula (= + - @ …) are written with a leading `'`, as
// in every Keyledger CSV (lib/domain/csv.ts); reading drops exactly that `'` again.
const FORMULA = /^'*[=+\-@\t\r]/;

export function guardCell(value: string): string {
  return FORMULA.test(value) ? `'${value}` : value;
}

export function unguardCell(value: string): string {
  return value.startsWith("'") && FORMULA.test(value) ? value.slice(1) : value;
}
