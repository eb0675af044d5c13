// One cell → one value, or a message saying what is accepted. `unknown` and an empty cell are
// both null (unknown) in every column; the callers handle that before these run.
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

function oneOf<T extends string>(allowed: readonly T[], what: string) {
  return (value: string): Parsed<T> => {
    const found = allowed.find((a) => a === token(value));
    return found ? ok(found) : fail(`${quote(value)} is not ${what}: write ${[...allowed, UNKNOWN].join(", ")}`);
  };
}

export const parseEnvironment = oneOf(ENVIRONMENTS, "an environment");
export const parseKind = oneOf(SECRET_KINDS, "a kind");
export const parsePrivilege = oneOf(PRIVILEGES, "a privilege");
export const parseLifetime = oneOf(LIFETIMES, "a lifetime");

export function parseTier(value: string): Parsed<1 | 2 | 3 | 4> {
  const match = value.trim().match(/^[1-4]$/);
  return match ? ok(Number(match[0]) as 1 | 2 | 3 | 4) : fail(`${quote(value)} is not a tier: write 1, 2, 3, 4 or ${UNKNOWN}`);
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
