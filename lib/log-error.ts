// What of an error may reach a log line (docs/security.md: logging). A failed query carries its SQL
// and bound parameters — what a user typed, sometimes a credential — so of a database error only the
// SQLSTATE code, the message and a detail with the row's values taken out are kept. Everything the
// logger prints is then passed through redact() as well.

export type LoggedError = { name: string; message: string; code?: string; detail?: string; digest?: string; stack?: string; cause?: LoggedError };

type QueryError = Error & { query: string; params: unknown[] };
type DatabaseError = Error & { code: string; severity: string; detail?: string };

/** drizzle's DrizzleQueryError (checked by shape: the web bundle and the worker each have their own copy). */
function isQueryError(error: Error): error is QueryError {
  const e = error as Partial<QueryError>;
  return typeof e.query === "string" && Array.isArray(e.params);
}

/** pg's DatabaseError: an answer from the server. */
function isDatabaseError(error: Error): error is DatabaseError {
  const e = error as Partial<DatabaseError>;
  return typeof e.code === "string" && typeof e.severity === "string";
}

export function describeError(error: unknown, depth = 0): LoggedError {
  if (!(error instanceof Error)) return { name: typeof error, message: String(error) };
  const cause = error.cause !== undefined && depth < 3 ? { cause: describeError(error.cause, depth + 1) } : {};
  if (isQueryError(error)) return { name: "DrizzleQueryError", message: "database query failed", stack: error.stack && frames(error.stack), ...cause };
  if (isDatabaseError(error)) {
    // Data exceptions (class 22) quote the offending input: `invalid input syntax for type uuid: "…"`.
    const message = error.code.startsWith("22") ? quotesHidden(error.message) : error.message;
    return { name: error.name, code: error.code, message, ...(error.detail ? { detail: withoutValues(error.code, error.detail) } : {}) };
  }
  const { code, digest } = error as { code?: unknown; digest?: unknown };
  const extra = { ...(typeof code === "string" ? { code } : {}), ...(typeof digest === "string" ? { digest } : {}) };
  return { name: error.name, message: error.message, ...extra, stack: error.stack, ...cause };
}

/** The error as text for a console line: name, message, where, and its causes. */
export function errorText(error: unknown): string {
  const lines: string[] = [];
  for (let e: LoggedError | undefined = describeError(error), n = 0; e; e = e.cause, n++) {
    const head = `${n ? "[cause] " : ""}${e.name}${e.code ? ` ${e.code}` : ""}: ${e.message}${e.detail ? ` (${e.detail})` : ""}${e.digest ? ` {digest ${e.digest}}` : ""}`;
    const stack = e.stack && frames(e.stack);
    lines.push(stack ? `${head}\n${stack}` : head);
  }
  return lines.join("\n");
}

/** `Key (email)=(maya@…) already exists.`, `Failing row contains (…)`: keep the columns, drop the values. */
function withoutValues(code: string, detail: string): string {
  const key = /^Key \(([^)]*)\)=\(.*\)( already exists| is not present in table "[^"]*"| is still referenced from table "[^"]*")?\.?$/s.exec(detail);
  if (key) return `Key (${key[1]})=([redacted])${key[2] ?? ""}.`;
  if (detail.startsWith("Key (")) return "Key ([redacted])";
  if (detail.startsWith("Failing row contains")) return "Failing row contains ([redacted]).";
  return code.startsWith("22") ? quotesHidden(detail) : detail;
}

const quotesHidden = (text: string) => text.replace(/"[^"]*"/g, '"[redacted]"');

/** A stack's call sites without its first lines, which repeat the message. */
function frames(stack: string): string | undefined {
  return stack.split("\n").filter((line) => /^\s+at /.test(line)).join("\n") || undefined;
}
