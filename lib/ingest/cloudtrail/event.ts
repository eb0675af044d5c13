// One CloudTrail event record, checked with zod. Only what Keyledger maps is validated; anything
// else in the record is ignored. Reasons name the field, never its value.
import { z } from "zod";
import { redact } from "@/lib/log";

const text = z.string().nullish();
const bag = z.record(z.string(), z.unknown()).nullish();

let last: { value: string; iso: string | null } = { value: "", iso: null };

/** CloudTrail writes eventTime as 2026-11-20T09:15:02Z; fractions and offsets are accepted too. */
export function toIsoUtc(value: string): string | null {
  // Neighbouring records share their second, and each time is checked then converted: remember the last one.
  if (value === last.value) return last.iso;
  let iso: string | null = null;
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value)) {
    const date = new Date(value.replace(/(\.\d{3})\d+/, "$1"));
    iso = Number.isNaN(date.getTime()) ? null : date.toISOString();
  }
  last = { value, iso };
  return iso;
}

const identitySchema = z.object({
  type: text,
  principalId: text,
  arn: text,
  accountId: text,
  userName: text,
  invokedBy: text,
  identityProvider: text,
  sessionContext: z
    .object({
      sessionIssuer: z.object({ type: text, arn: text, userName: text, principalId: text }).nullish(),
      attributes: z.object({ mfaAuthenticated: z.union([z.string(), z.boolean()]).nullish() }).nullish(),
      webIdFederationData: z.object({ federatedProvider: text }).nullish(),
    })
    .nullish(),
  onBehalfOf: z.object({ userId: text, identityStoreArn: text }).nullish(),
});

export const cloudTrailEventSchema = z.object({
  eventTime: z.string().refine((value) => toIsoUtc(value) !== null, "not an ISO 8601 timestamp"),
  eventSource: z.string(),
  eventName: z.string().min(1),
  eventID: z.string().min(1),
  userIdentity: identitySchema.nullish(),
  sourceIPAddress: text,
  userAgent: text,
  errorCode: text,
  errorMessage: text,
  requestParameters: bag,
  responseElements: bag,
  additionalEventData: bag,
  serviceEventDetails: bag,
  resources: z.array(z.object({ ARN: text, type: text })).nullish(),
});

export type CloudTrailEvent = z.output<typeof cloudTrailEventSchema>;
export type UserIdentity = z.output<typeof identitySchema>;

export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "not a CloudTrail event";
  const field = issue.path.length ? issue.path.join(".") : "event";
  return redact(`${field}: ${issue.message}`).slice(0, 200);
}

/** Why JSON.parse refused a text, without the excerpt V8 puts in its message. */
export function describeJsonError(error: unknown): string {
  const message = error instanceof Error ? error.message : "";
  if (/end of (JSON )?input|Unterminated string/i.test(message)) return "truncated JSON (the text ends inside a value)";
  const position = /position (\d+)/.exec(message)?.[1];
  return position ? `not valid JSON (at character ${position})` : "not valid JSON";
}
