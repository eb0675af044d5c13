// google.rpc.Code numbers → names (https://github.com/googleapis/googleapis/blob/master/google/rpc/code.proto).
const NAMES = [
  "OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND", "ALREADY_EXISTS", "PERMISSION_DENIED",
  "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION", "ABORTED", "OUT_OF_RANGE", "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS",
  "UNAUTHENTICATED",
] as const;

/** A status code as a number or a name → its name ("OK" for 0); null when it is neither. */
export function grpcCodeName(code: number | string): string | null {
  if (typeof code === "number") return Number.isInteger(code) && code >= 0 ? (NAMES[code] ?? `CODE_${code}`) : null;
  const upper = code.trim().toUpperCase();
  if (/^\d+$/.test(upper)) return grpcCodeName(Number(upper));
  return (NAMES as readonly string[]).includes(upper) ? upper : null;
}
