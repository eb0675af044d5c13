// One cell → one value, or a message saying what is accepted. `unknown` and an empty cell are
// both null (unknown) in every column; the callers handle that before these run.
import { LABELS } from "@/lib/domain/format";
import { ENVIRONMENTS, LIFETIMES, PRIVILEGES, SECRET_KINDS } from "@/lib/domain/registry-values";
import { UNKNOWN } from "@/lib/sources/inventory-file/format";
import { quote } from "@/lib/sources/inventory-file/problems";

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (message: string): Parsed<never> => ({ ok: false, message });

export const MAX_NAME_LENGTH = 300;
export const MAX_TEXT_LENGTH = 4000;

export function isUnknown(value: string): boolean {
  const text = value.trim();
  return text === "" || text.toLowerCase() === UNKNOWN;
}

/** `Short-lived`, `short lived` and `short_lived` are one value. */
const token = (value: string) => value.trim().toLowerCase().replace(/[\s-]+/g, "_");

/**
 * A closed vocabulary's value, written as the file writes it (`prod`) or as the UI shows it
 * (`Production`, lib/domain/format.ts LABELS), in any case: the one mapping both use.
 */
export function vocabularyValue<T extends string>(allowed: readonly T[], value: string): T | undefined {
  const written = token(value);
  return allowed.find((a) => a === written || (LABELS[a] !== undefined && token(LABELS[a]) === written));
}

/** "prod (Production), staging, dev (Development)": what the file may hold, the UI's words beside. */
export function vocabularyHint(allowed: readonly string[]): string {
  return allowed.map((a) => (LABELS[a] && token(LABELS[a]) !== a ? `${a} (${LABELS[a]})` : a)).join(", ");
}

function oneOf<T extends string>(allowed: readonly T[], what: string) {
  return (value: string): Parsed<T> => {
    const found = vocabularyValue(allowed, value);
    return found ? ok(found) : fail(`${quote(value)} is not ${what}: write ${vocabularyHint(allowed)} or ${UNKNOWN}`);
  };
}

export const parseEnvironment = oneOf(ENVIRONMENTS, "an environment");
export const parseKind = oneOf(SECRET_KINDS, "a kind");
export const parsePrivilege = oneOf(PRIVILEGES, "a privilege");
export const parseLifetime = oneOf(LIFETIMES, "a lifetime");

export function parseTier(value: string): Parsed<1 | 2 | 3 | 4> {
  // "Tier 2", as the UI shows it, is 2.
  const match = value.trim().match(/^(?:tier\s*)?([1-4])$/i);
  return match ? ok(Number(match[1]) as 1 | 2 | 3 | 4) : fail(`${quote(value)} is not a tier: write 1, 2, 3, 4 (or Tier 1…Tier 4) or ${UNKNOWN}`);
}

export function parseText(value: string, max = MAX_TEXT_LENGTH): Parsed<string> {
  const text = value.trim();
  return text.length <= max ? ok(text) : fail(`is ${text.length} characters long; at most ${max} fit`);
}

const EMAIL = /^[^\s@<>;,]+@[^\s@<>;,]+\.[^\s@<>;,]+$/;

/** A person is named by e-mail (matched without regard to case); lower-cased here. */
export function parseEmail(value: string): Parsed<string> {
  const text = value.trim();
  return EMAIL.test(text) ? ok(text.toLowerCase()) : fail(`${quote(value)} is not an e-mail address: name people by e-mail, or write ${UNKNOWN}`);
}
