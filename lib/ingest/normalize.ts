// Small normalizers shared by the JSON readers and the GCP, Azure and CloudTrail parsers. None of
// them ever puts a value from the input into a message: reasons name fields and positions only.
import { isIP } from "node:net";
import type { ZodError } from "zod";

/** An IPv4/IPv6 address, with a port or brackets stripped; anything else (redacted, "private", a host) → null. */
export function ipOrNull(text: string | null | undefined): string | null {
  if (!text) return null;
  const trimmed = text.trim();
  if (isIP(trimmed)) return trimmed;
  const v4WithPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d{1,5}$/.exec(trimmed);
  if (v4WithPort && isIP(v4WithPort[1]!)) return v4WithPort[1]!;
  const bracketed = /^\[([0-9a-f:.]+)\](?::\d{1,5})?$/i.exec(trimmed);
  if (bracketed && isIP(bracketed[1]!)) return bracketed[1]!;
  return null;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The first zod issue as "missing field a.b" or "field a.b: expected string, received number". */
export function describeIssue(error: ZodError, prefix?: string): string {
  const issue = error.issues[0];
  const path = [...(prefix ? [prefix] : []), ...(issue?.path ?? []).map(String)];
  const field = path.length ? path.join(".") : "record";
  const raw = (issue?.message ?? "invalid").replace(/^Invalid input: /, "");
  const message = raw.charAt(0).toLowerCase() + raw.slice(1);
  if (/received undefined$/.test(message)) return `missing field ${field}`;
  return `field ${field}: ${message}`;
}

/** A JSON.parse error without the slice of input V8 quotes in some of its messages. */
export function describeJsonError(error: unknown): string {
  const message = error instanceof Error ? error.message : "";
  if (/^Unexpected end of JSON input/.test(message)) return "not valid JSON (it ends early)";
  const positioned = /^(.{1,80}?) (?:in JSON )?at position (\d+)/.exec(message);
  if (positioned && /^[A-Za-z ,'{}[\]:-]+$/.test(positioned[1]!)) {
    const phrase = positioned[1]!.charAt(0).toLowerCase() + positioned[1]!.slice(1);
    return `not valid JSON (${phrase} at character ${Number(positioned[2]) + 1})`;
  }
  return "not valid JSON";
}

/** Caps a free-text field from the log (a user agent) so one record cannot carry megabytes into a row. */
export function capText(text: string | null | undefined, max = 512): string | null {
  if (!text) return null;
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
