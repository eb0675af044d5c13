// One CloudTrail event record, checked with zod. Only what Keyledger maps is validated; anything
// else in the record is ignored. Reasons name the field, never its value.
import { z } from "zod";
import { NOT_A_TIME, parseLogTime } from "@/lib/ingest/log-time";
import { redact } from "@/lib/log";

const text = z.string().nullish();
const bag = z.record(z.string(), z.unknown()).nullish();

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
  eventTime: z.string().refine((value) => parseLogTime(value) !== null, NOT_A_TIME),
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
