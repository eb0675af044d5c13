// Keyset pagination cursors: the last row's sort key and id, opaque to clients (base64url JSON).
import { AppError } from "@/lib/errors";

export type Cursor = { key: string; id: string };

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.key, cursor.id])).toString("base64url");
}

const ID_SHAPES = { uuid: /^[0-9a-f-]{36}$/i, bigint: /^[0-9]{1,18}$/ };

/** `idShape` is the tie-breaker column's type: a uuid (registry rows) or a bigint (access events). */
export function decodeCursor(text: string, idShape: keyof typeof ID_SHAPES = "uuid"): Cursor {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === "string" && typeof value[1] === "string" && ID_SHAPES[idShape].test(value[1])) {
      return { key: value[0], id: value[1] };
    }
  } catch {
    // fall through to the located error below
  }
  throw new AppError("invalid_input", "Invalid query", [{ field: "query.cursor", message: "is not a cursor this API returned" }]);
}
