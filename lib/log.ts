// One logger for the whole app (docs/architecture.md, rule 5). Every line passes through redact(), so a
// token that slips into a message or an error never reaches a log file.
import { env } from "@/lib/env";
import { describeError } from "@/lib/log-error";

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40 } as const;
type Level = keyof typeof LEVELS;

const hidden = () => "[redacted]";
const TOKEN_PATTERNS: [RegExp, (match: string, ...groups: string[]) => string][] = [
  [/\b(AKIA|ASIA)[0-9A-Z]{16}\b/g, hidden], // AWS access key ids
  [/\bgh[pousr]_[A-Za-z0-9]{20,}\b/g, hidden], // GitHub tokens
  [/\bgithub_pat_[A-Za-z0-9_]{20,}\b/g, hidden],
  [/\bxox[abprs]-[A-Za-z0-9-]{10,}\b/g, hidden], // Slack tokens
  [/\b(sk|rk|pk)_(live|test)_[A-Za-z0-9]{10,}\b/g, hidden], // Stripe keys
  [/\bhv[sb]\.[A-Za-z0-9_-]{20,}\b/g, hidden], // Vault tokens
  [/\bdp\.(st|ct|sa|scim|audit)\.[A-Za-z0-9_.-]{20,}\b/g, hidden], // Doppler tokens
  [/\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\b/g, hidden], // JWTs
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(-----END [A-Z ]*PRIVATE KEY-----|$)/g, hidden],
  [/\b(password|passwd|secret|token|api[_-]?key)(["']?\s*[:=]\s*["']?)[^\s"',;&]{4,}/gi, (_m, name, sep) => `${name}${sep}[redacted]`],
  [/\bkl[tc]_[A-Za-z0-9_-]{20,}/g, hidden], // Keyledger's own API tokens and calendar-feed URLs
  [/\bhttps:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9_/-]+/g, () => "https://hooks.slack.com/[redacted]"], // Slack webhooks
  [/((?:postgres(?:ql)?|smtps?):\/\/[^:/\s]+:)[^@\s]+@/g, (_m, prefix) => `${prefix}[redacted]@`], // connection strings, SMTP URLs
];

export function redact(text: string): string {
  return TOKEN_PATTERNS.reduce((out, [pattern, replace]) => out.replace(pattern, replace), text);
}

function write(level: Level, message: string, fields?: Record<string, unknown>) {
  let threshold: Level = "info";
  try {
    threshold = env().LOG_LEVEL;
  } catch {
    // A broken configuration is reported by whoever parses it; logging still works.
  }
  if (LEVELS[level] < LEVELS[threshold]) return;
  const extra = fields ? ` ${serialize(fields)}` : "";
  const line = redact(`${new Date().toISOString()} ${level.padEnd(5)} ${message}${extra}`);
  (level === "error" || level === "warn" ? process.stderr : process.stdout).write(`${line}\n`);
}

/** A logger never throws: a field JSON cannot hold (a cycle, a bigint) is named, not printed. */
function serialize(fields: Record<string, unknown>): string {
  try {
    return JSON.stringify(fields, errorReplacer);
  } catch (error) {
    return JSON.stringify({ unserializable: Object.keys(fields), reason: error instanceof Error ? error.message : String(error) });
  }
}

/** An error in a field is logged as describeError() sees it: a failed query without its SQL or parameters. */
function errorReplacer(_key: string, value: unknown) {
  return value instanceof Error ? describeError(value) : value;
}

export const log = {
  debug: (message: string, fields?: Record<string, unknown>) => write("debug", message, fields),
  info: (message: string, fields?: Record<string, unknown>) => write("info", message, fields),
  warn: (message: string, fields?: Record<string, unknown>) => write("warn", message, fields),
  error: (message: string, fields?: Record<string, unknown>) => write("error", message, fields),
};
