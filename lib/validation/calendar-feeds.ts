// What the calendar-feed routes accept.
import { z } from "zod";

export const createCalendarFeedInput = z.discriminatedUnion("scope", [
  z.object({ scope: z.literal("person"), personId: z.uuid().optional() }).strict(),
  z.object({ scope: z.literal("team"), team: z.string().trim().min(1).max(80) }).strict(),
]);
export type CreateCalendarFeedInput = z.infer<typeof createCalendarFeedInput>;

export const listCalendarFeedsQuery = z.object({ personId: z.uuid().optional() }).strict();
export const calendarFeedParams = z.object({ id: z.uuid() });
