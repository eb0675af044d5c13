// Keyset pagination cursors: the last row's sort key and id, opaque to clients (base64url JSON).
import { AppError } from "@/lib/errors";

export type Cursor = { key: string; id: string };

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.key, cursor.id])).toString("base64url");
}

export function decodeCursor(text: string): Cursor {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === "string" && typeof value[1] === "string" && /^[0-9a-f-]{36}$/i.test(value[1])) {
      return { key: value[0], id: value[1] };
    }
  } catch {
    // fall through to the located error below
  }
  throw new AppError("invalid_input", "Invalid query", [{ field: "query.cursor", message: "is not a cursor this API returned" }]);
}
