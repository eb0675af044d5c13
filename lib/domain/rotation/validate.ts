// The rules for what an admin may set, as located field errors ("body.graceDays: …"), so a bad
// policy, override or setting is refused whole with every problem named, and nothing changes.
import type { FieldError } from "@/lib/errors";

export const INTERVAL_RANGE = { min: 1, max: 3650 } as const;
export const TEXT_MAX = 2000;

type Numbers = Record<string, number | null | undefined>;

function wholeNumber(errors: FieldError[], field: string, value: number | null | undefined, min: number, max: number, what: string) {
  if (value === null || value === undefined) return;
  if (!Number.isInteger(value)) errors.push({ field: `body.${field}`, message: `${what} must be a whole number of days` });
  else if (value < min || value > max) errors.push({ field: `body.${field}`, message: `${what} must be between ${min} and ${max}` });
}

/** A policy row: interval 1–3650 days; grace 0 or more and shorter than the interval. */
export function validatePolicy(input: { intervalDays: number; graceDays: number }): FieldError[] {
  const errors: FieldError[] = [];
  wholeNumber(errors, "intervalDays", input.intervalDays, INTERVAL_RANGE.min, INTERVAL_RANGE.max, "The interval");
  wholeNumber(errors, "graceDays", input.graceDays, 0, INTERVAL_RANGE.max, "The grace period");
  if (!errors.length && input.graceDays >= input.intervalDays) {
    errors.push({ field: "body.graceDays", message: `The grace period (${input.graceDays} days) must be shorter than the interval (${input.intervalDays} days)` });
  }
  return errors;
}

/**
 * A per-secret override: a reason always; exempt, or an interval and/or a grace. The grace is
 * checked against the interval the secret will have (the override's, else its policy's).
 */
export function validateOverride(input: { intervalDays?: number | null; graceDays?: number | null; exempt?: boolean; reason?: string | null }, policyIntervalDays: number): FieldError[] {
  const errors: FieldError[] = [];
  if (!input.reason?.trim()) errors.push({ field: "body.reason", message: "Say why this secret is an exception to its policy" });
  else if (input.reason.length > TEXT_MAX) errors.push({ field: "body.reason", message: `At most ${TEXT_MAX} characters` });
  wholeNumber(errors, "intervalDays", input.intervalDays, INTERVAL_RANGE.min, INTERVAL_RANGE.max, "The interval");
  wholeNumber(errors, "graceDays", input.graceDays, 0, INTERVAL_RANGE.max, "The grace period");
  const { intervalDays, graceDays } = input;
  if (!input.exempt && (intervalDays ?? null) === null && (graceDays ?? null) === null) {
    errors.push({ field: "body.intervalDays", message: "Give an interval or a grace period, or mark the secret exempt" });
  }
  if (input.exempt && ((intervalDays ?? null) !== null || (graceDays ?? null) !== null)) {
    errors.push({ field: "body.exempt", message: "An exempt secret has no interval or grace period" });
  }
  const interval = intervalDays ?? policyIntervalDays;
  if (!errors.length && graceDays !== null && graceDays !== undefined && graceDays >= interval) {
    errors.push({ field: "body.graceDays", message: `The grace period (${graceDays} days) must be shorter than the interval (${interval} days)` });
  }
  return errors;
}

export type SettingsInput = { leadDays?: number; escalateAfterDays?: number; engineerHoursPerMonth?: number; minutesPerRotation?: number };

/** Lead 0–90 days, escalation 0–90 days, engineer-hours 0–10 000 a month, minutes 1–1440. */
export function validateSettings(input: SettingsInput): FieldError[] {
  const errors: FieldError[] = [];
  const ranges: Record<keyof SettingsInput, [number, number, string]> = {
    leadDays: [0, 90, "Lead time"],
    escalateAfterDays: [0, 90, "Escalation delay"],
    engineerHoursPerMonth: [0, 10_000, "Engineer-hours per month"],
    minutesPerRotation: [1, 1440, "Minutes per rotation"],
  };
  for (const [field, [min, max, what]] of Object.entries(ranges) as [keyof SettingsInput, [number, number, string]][]) {
    const value = (input as Numbers)[field];
    if (value === null || value === undefined) continue;
    if (!Number.isInteger(value)) errors.push({ field: `body.${field}`, message: `${what} must be a whole number` });
    else if (value < min || value > max) errors.push({ field: `body.${field}`, message: `${what} must be between ${min} and ${max}` });
  }
  return errors;
}

/** A note or reason people must give (manual done, skip): not blank, not a novel. */
export function validateText(value: string | null | undefined, field: string, what: string): FieldError[] {
  if (!value?.trim()) return [{ field: `body.${field}`, message: `${what} is required` }];
  if (value.length > TEXT_MAX) return [{ field: `body.${field}`, message: `At most ${TEXT_MAX} characters` }];
  return [];
}

/** What a real reason is, in the words the skip form and the API error use. */
export const REASON_RULE = "at least 10 letters or digits, in two or more words";
const WORD = /[\p{L}\p{N}]{2,}/gu;

/**
 * A reason that closes a rotation without rotating (a skip): not blank, and a real sentence rather
 * than "." or "n/a" — at least 10 letters or digits, in two or more words of two or more characters.
 */
export function validateReason(value: string | null | undefined, field: string, what: string): FieldError[] {
  const errors = validateText(value, field, what);
  if (errors.length) return errors;
  const words = value?.match(WORD) ?? [];
  if (words.length < 2 || words.join("").length < 10) {
    return [{ field: `body.${field}`, message: `${what} needs ${REASON_RULE}: say why, e.g. “Replaced by OIDC federation this sprint”` }];
  }
  return [];
}
