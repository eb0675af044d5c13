// The one reader of the times audit logs write, used by every parser. Accepted: RFC 3339 / ISO 8601
// with "T" or a space between date and time (SIEM exports write "2026-11-20 09:15:02.123456789"),
// any number of fraction digits ("." or ","), and a zone — Z, UTC, GMT, ±HH:MM, ±HHMM, ±HH — or none,
// which is UTC. The fraction is carried as text, never through a JavaScript Date (milliseconds):
// the time is kept to the microsecond, Postgres's timestamptz precision, and digits past it are
// truncated, not rounded (README, "Access events").

const LOG_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:[.,](\d+))?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;

let last: { text: string; iso: string | null } = { text: "", iso: null };

/** A log's time → ISO 8601 UTC: "2026-11-20T09:15:02.123Z", with three more digits when it has microseconds. */
export function parseLogTime(text: string): string | null {
  // Neighbouring records often share their time, and schemas check a time before mappers convert it.
  if (text === last.text) return last.iso;
  last = { text, iso: convert(text.trim()) };
  return last.iso;
}

function convert(text: string): string | null {
  const match = LOG_TIME.exec(text);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day || hour > 23 || minute > 59 || second > 60) return null;
  const offset = offsetMinutes(match[8]);
  if (offset === null) return null;
  // Whole seconds through Date (a leap second rolls into the next minute, as in Postgres); the fraction as text.
  const seconds = date.getTime() + ((hour * 60 + minute - offset) * 60 + second) * 1000;
  const utc = new Date(seconds);
  if (Number.isNaN(seconds) || utc.getUTCFullYear() < 1 || utc.getUTCFullYear() > 9999) return null;
  return `${utc.toISOString().slice(0, 19)}${fractionText(match[7] ?? "")}Z`;
}

/** "Z"/"UTC"/none → 0, "+02:00"/"+0200"/"+02" → 120; an impossible offset → null. */
function offsetMinutes(zone: string | undefined): number | null {
  if (!zone || /^[a-z]+$/i.test(zone)) return 0;
  const [, sign, hours, minutes = "0"] = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone)!;
  if (Number(hours) > 23 || Number(minutes) > 59) return null;
  return (sign === "-" ? -1 : 1) * (Number(hours) * 60 + Number(minutes));
}

/** Fraction digits → ".mmm" or ".mmmuuu" (microseconds shown when there are any), truncated past six. */
function fractionText(digits: string): string {
  const micros = digits.slice(0, 6).padEnd(6, "0");
  return micros.endsWith("000") ? `.${micros.slice(0, 3)}` : `.${micros}`;
}

/** What a quarantine reason says after the field's name when its time cannot be read. */
export const NOT_A_TIME = "not a date-time (ISO 8601, or a SIEM export's 2026-11-20 09:15:02.123456)";
