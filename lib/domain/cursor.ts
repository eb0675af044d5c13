// Keyset pagination cursors: the last row's sort key and id, opaque to clients (base64url JSON).
// A cursor is checked against the shapes the query will cast it to (the id's type and the sort
// key's), so a tampered or mismatched one is a located 422, never a failed cast in Postgres.
import { AppError } from "@/lib/errors";
import { inSaneRange } from "@/lib/validation/instant";

export type Cursor = { key: string; id: string };

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.key, cursor.id])).toString("base64url");
}

const ID_SHAPES = {
  uuid: (v: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v),
  bigint: (v: string) => /^[0-9]{1,18}$/.test(v),
};

// Postgres writes timestamptz as text like "2026-11-02 09:15:02.123+00"; `-infinity` sorts unknown dates.
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?(Z|[+-](\d{2})(:?\d{2}){0,2})?$/;

function isTimestamp(text: string): boolean {
  const m = TIMESTAMP.exec(text);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  const realDay = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return realDay && hour < 24 && minute < 60 && second < 60 && Number(m[9] ?? 0) < 16 && inSaneRange(`${m[1]}-01-01`);
}

const KEY_SHAPES = {
  text: (v: string) => v.length <= 1000 && !v.includes("\u0000"),
  int: (v: string) => /^-?\d{1,9}$/.test(v),
  timestamptz: (v: string) => v === "-infinity" || isTimestamp(v),
};
export type CursorKeyShape = keyof typeof KEY_SHAPES;

/**
 * `idShape` is the tie-breaker column's type: a uuid (registry rows) or a bigint (access events);
 * `keyShape` the type the sort key is cast to.
 */
export function decodeCursor(text: string, idShape: keyof typeof ID_SHAPES = "uuid", keyShape: CursorKeyShape = "text"): Cursor {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === "string" && typeof value[1] === "string" && ID_SHAPES[idShape](value[1]) && KEY_SHAPES[keyShape](value[0])) {
      return { key: value[0], id: value[1] };
    }
  } catch {
    // fall through to the located error below
  }
  throw new AppError("invalid_input", "Invalid query", [{ field: "query.cursor", message: "is not a cursor this API returned" }]);
}
