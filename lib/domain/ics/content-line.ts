// RFC 5545 §3.1 content lines: TEXT escaping, and folding long lines at 75 octets without ever
// cutting a UTF-8 character in two. Pure; the writer in write-calendar.ts is built on these.

export const CRLF = "\r\n";
const MAX_OCTETS = 75;
const encoder = new TextEncoder();

/**
 * A TEXT value (§3.3.11): backslash, semicolon and comma escaped, every line break as `\n`.
 * Control characters a calendar would refuse (all but tab) are dropped.
 */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n")
    .replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, "");
}

/**
 * One content line folded to at most 75 octets per physical line (§3.1): each continuation line
 * starts with a single space, which counts toward its 75. Splits only between code points.
 */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= MAX_OCTETS) return line;
  const out: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = utf8Length(char);
    if (octets + size > MAX_OCTETS) {
      out.push(current);
      current = " ";
      octets = 1;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join(CRLF);
}

function utf8Length(char: string): number {
  const code = char.codePointAt(0)!;
  if (code < 0x80) return 1;
  if (code < 0x800) return 2;
  if (code < 0x10000) return 3;
  return 4;
}

/** 2026-03-05T09:30:00Z → 20260305T093000Z (DATE-TIME in UTC, §3.3.5 form 2). */
export function formatUtcDateTime(date: Date): string {
  return date.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

/** The UTC calendar day of an instant → 20260305 (DATE, §3.3.4). */
export function formatDate(date: Date): string {
  return date.toISOString().slice(0, 10).replace(/-/g, "");
}
