// One line of a Vault / OpenBao file audit device, read and checked. Only the fields Keyledger
// maps are validated; HMAC'd strings (hmac-sha256:…) pass through untouched. A reason never
// quotes the line: it names the field and what was wrong with it.
import { z } from "zod";
import { NOT_A_TIME, parseLogTime } from "@/lib/ingest/log-time";
import { isPlainObject } from "@/lib/ingest/normalize";
import { redact } from "@/lib/log";

const optionalText = z.string().nullish();

const authSchema = z.object({
  display_name: optionalText,
  entity_id: optionalText,
  policies: z.array(z.string()).nullish(),
  token_policies: z.array(z.string()).nullish(),
  metadata: z.record(z.string(), z.unknown()).nullish(),
  token_type: optionalText,
});

const requestSchema = z.object({
  id: z.string().min(1),
  operation: z.string().min(1),
  path: z.string(),
  mount_point: optionalText,
  mount_type: optionalText,
  remote_address: optionalText,
  headers: z.record(z.string(), z.unknown()).nullish(),
  data: z.record(z.string(), z.unknown()).nullish(),
});

export const auditEntrySchema = z.object({
  time: z.string().refine((value) => parseLogTime(value) !== null, NOT_A_TIME),
  type: z.enum(["request", "response"]),
  auth: authSchema.nullish(),
  request: requestSchema,
  response: z.object({ mount_type: optionalText }).nullish(),
  error: optionalText,
});

export type AuditEntry = z.output<typeof auditEntrySchema>;
export type AuditAuth = z.output<typeof authSchema>;
export type AuditRequest = z.output<typeof requestSchema>;

/** Why JSON.parse refused a line, without the excerpt V8 puts in its message. */
export function describeJsonError(error: unknown): string {
  const message = error instanceof Error ? error.message : "";
  if (/end of (JSON )?input|Unterminated string/i.test(message)) return "truncated JSON (the line ends inside a value)";
  const position = /position (\d+)/.exec(message)?.[1];
  return position ? `not valid JSON (at character ${position})` : "not valid JSON";
}

export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "not a Vault audit entry";
  const field = issue.path.length ? issue.path.join(".") : "entry";
  return redact(`${field}: ${issue.message}`).slice(0, 200);
}

export function readEntry(text: string): { entry: AuditEntry } | { reason: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { reason: describeJsonError(error) };
  }
  if (!isPlainObject(json)) return { reason: "not a JSON object" };
  const parsed = auditEntrySchema.safeParse(json);
  return parsed.success ? { entry: parsed.data } : { reason: describeIssue(parsed.error) };
}
