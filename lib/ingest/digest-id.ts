// A stable de-duplication id for records that carry none (an Azure AuditEvent, a GCP entry exported
// without insertId): a hash of the record's canonical JSON — object keys sorted at every depth, so
// the same record re-exported with its fields in another order gets the same id. An array of plain
// values hashes exactly as JSON.stringify writes it (undefined → null): ids already stored stay.
import { createHash } from "node:crypto";

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? "null" : canonicalJson(item))).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const fields = Object.keys(value)
      .sort()
      .flatMap((key) => {
        const item = (value as Record<string, unknown>)[key];
        return item === undefined ? [] : [`${JSON.stringify(key)}:${canonicalJson(item)}`];
      });
    return `{${fields.join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

export function digestId(prefix: string, value: unknown): string {
  return `${prefix}:${createHash("sha256").update(canonicalJson(value)).digest("hex").slice(0, 40)}`;
}
