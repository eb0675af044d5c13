// Dates from query strings. JavaScript accepts years Postgres cannot store (0000, 275760) and
// arithmetic on 9999-12-31 walks past year 9999, so only a sane range is accepted: 1970–2200.
import { z } from "zod";

export const EARLIEST_YEAR = 1970;
export const LATEST_YEAR = 2200;

/** Whether `text` names an instant inside the years Keyledger accepts. */
export function inSaneRange(text: string): boolean {
  const time = Date.parse(text);
  if (Number.isNaN(time)) return true; // the format check reports it
  const year = new Date(time).getUTCFullYear();
  return year >= EARLIEST_YEAR && year <= LATEST_YEAR;
}

export const SANE_RANGE_MESSAGE = `must be between the years ${EARLIEST_YEAR} and ${LATEST_YEAR}`;

/** A date (2026-11-01) or an ISO 8601 date-time with an offset, in the sane range; kept as text. */
export const instantText = z
  .iso.datetime({ offset: true, message: "must be an ISO 8601 date-time, e.g. 2026-11-01T00:00:00Z" })
  .or(z.iso.date({ message: "must be a date (2026-11-01) or an ISO 8601 date-time" }))
  .refine(inSaneRange, SANE_RANGE_MESSAGE);
