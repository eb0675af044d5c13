// What is wrong with an inventory file, located so a person can fix it: file, line, column
// (CSV: the field number; YAML: the character), and the column's name.
export type InventoryProblem = {
  file: string;
  /** 1-based; absent for problems with the file as a whole (too large, not UTF-8). */
  line?: number;
  column?: number;
  field?: string;
  message: string;
};

/** Where a problem is: "top-20.csv, line 4, column 2 (tier)". */
export function locateProblem(problem: InventoryProblem): string {
  const where = [
    problem.file,
    problem.line === undefined ? null : `line ${problem.line}`,
    problem.column === undefined ? null : `column ${problem.column}`,
  ]
    .filter(Boolean)
    .join(", ");
  return `${where}${problem.field ? ` (${problem.field})` : ""}`;
}

export function formatProblem(problem: InventoryProblem): string {
  return `${locateProblem(problem)}: ${problem.message}`;
}

/** File order: by line, then column; file-wide problems first. */
export function sortProblems(problems: InventoryProblem[]): InventoryProblem[] {
  return [...problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

/** Quotes a value from the file for a message, shortened so one huge cell cannot flood the output. */
export function quote(value: string): string {
  const short = value.length > 80 ? `${value.slice(0, 77)}...` : value;
  return JSON.stringify(short);
}
