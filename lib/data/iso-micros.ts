import { sql, type AnyColumn, type SQL } from "drizzle-orm";

/**
 * A timestamptz as ISO 8601 UTC text to the microsecond Postgres keeps (a JavaScript Date would cut
 * it to milliseconds): "2026-11-20T09:15:02.123Z", or "…02.123456Z" when it has microseconds.
 */
export const isoMicros = (value: AnyColumn | SQL) =>
  sql<string>`regexp_replace(to_char(${value} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), '(\\.\\d{3})000Z$', '\\1Z')`;
