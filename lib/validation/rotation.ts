// Query and body shapes for the rotation API, shared by the routes, the calendar UI and tests.
// Shapes only (types, lengths): the rules — interval 1–3650, grace shorter than the interval, a
// reason for a skip — live in lib/domain/rotation/validate.ts and answer 400 with the field named.
import { z } from "zod";
import { ENVIRONMENTS } from "@/lib/domain/registry-values";
import { isQuarter } from "@/lib/domain/rotation/metrics";
import { TASK_STATUSES } from "@/lib/domain/rotation/schedule";
import { inSaneRange, SANE_RANGE_MESSAGE } from "@/lib/validation/instant";
import { many } from "@/lib/validation/many";

/** A number of days back or ahead, 1–3650. */
const days = z.coerce.number({ message: "must be a number of days" }).int().min(1).max(3650);

/** A date (2026-11-01, midnight UTC) or a date-time with an offset. */
const instant = z
  .string()
  .refine((s) => /^\d{4}-\d{2}-\d{2}(T\S+)?$/.test(s) && !Number.isNaN(Date.parse(s)), { message: "must be a date (2026-11-01) or an ISO date-time" })
  .refine(inSaneRange, SANE_RANGE_MESSAGE)
  .transform((s) => new Date(s));

export const listRotationTasksQuery = z
  .object({
    /** Due on or after (inclusive). */
    from: instant.optional(),
    /** Due before (exclusive): from=2026-11-01&to=2026-12-01 is November. */
    to: instant.optional(),
    /** Assigned to: `me` or a person id. */
    assignee: z.union([z.literal("me"), z.uuid({ message: "must be `me` or a person id" })]).optional(),
    /** On a secret whose approver is `me` or this person (the rotations they sign off). */
    approver: z.union([z.literal("me"), z.uuid({ message: "must be `me` or a person id" })]).optional(),
    /** Assigned to this person or on a secret they hold any role on. */
    person: z.uuid({ message: "must be a person id" }).optional(),
    secret: z.uuid({ message: "must be a secret id" }).optional(),
    tier: many(z.enum(["1", "2", "3", "4", "unknown"])).optional(),
    environment: many(z.enum([...ENVIRONMENTS, "unknown"])).optional(),
    status: many(z.enum(TASK_STATUSES)).optional(),
    kind: z.enum(["scheduled", "rotate_now"]).optional(),
    overdue: z.enum(["true", "false"]).optional(),
    /** Still to do, not overdue, due within this many days from now (the summary's "due in 14 days" is due=14). */
    due: days.optional(),
    /** Still to do and held by nobody (the summary's "gaps"). */
    gap: z.enum(["true", "false"]).optional(),
    /** Done, completed in this UTC quarter (the summary's "done on time, per quarter": that quarter's done). */
    done: z.string().refine(isQuarter, { message: "must be a quarter like 2026-Q4" }).optional(),
    /** Opened in the last this many days, not skipped, answer known (the summary's "acked within 2 days" counts acked=90). */
    acked: days.optional(),
    /** First responded (acknowledged or completed) within 48 hours of opening, or not. */
    ackedWithin2Days: z.enum(["true", "false"]).optional(),
    /** risk: tier, environment, days overdue (the default); due: by due date. */
    sort: z.enum(["risk", "due"]).default("risk"),
    cursor: z.string().max(500).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();
export type ListRotationTasksQuery = z.infer<typeof listRotationTasksQuery>;

export const taskIdParams = z.object({ id: z.uuid() });
export const doneBody = z.object({ note: z.string().max(5000).optional() }).strict();
export const skipBody = z.object({ reason: z.string().max(5000).optional() }).strict();

export const policyParams = z.object({ tier: z.enum(["1", "2", "3", "4"]).transform(Number), environment: z.enum(ENVIRONMENTS) });
export const policyBody = z.object({ intervalDays: z.number(), graceDays: z.number(), requiresApproval: z.boolean() }).strict();
/** `?preview=true`: answer what the change would do to the tasks, and change nothing. */
export const policyQuery = z.object({ preview: z.enum(["true", "false"]).optional() }).strict();

export const settingsBody = z
  .object({ leadDays: z.number(), escalateAfterDays: z.number(), engineerHoursPerMonth: z.number(), minutesPerRotation: z.number() })
  .partial()
  .strict();

export const overrideBody = z
  .object({ intervalDays: z.number().nullable(), graceDays: z.number().nullable(), exempt: z.boolean(), reason: z.string().max(5000) })
  .partial()
  .strict();

export const capacityQuery = z
  .object({
    engineerHoursPerMonth: z.coerce.number().min(0).max(10_000).optional(),
    minutesPerRotation: z.coerce.number().int().min(1).max(1440).optional(),
  })
  .strict();
