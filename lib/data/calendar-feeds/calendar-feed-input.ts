// What the calendar-feed routes accept (shared by the routes and their tests).
import { z } from "zod";

export const createCalendarFeedInput = z.discriminatedUnion("scope", [
  z.object({ scope: z.literal("person"), personId: z.uuid().optional() }).strict(),
  z.object({ scope: z.literal("team"), team: z.string().trim().min(1).max(80) }).strict(),
]);
export type CreateCalendarFeedInput = z.infer<typeof createCalendarFeedInput>;

export const listCalendarFeedsQuery = z.object({ personId: z.uuid().optional() }).strict();
export const calendarFeedParams = z.object({ id: z.uuid() });

/** A feed as the API shows it: never the token, only its first characters. */
export type CalendarFeedView = {
  id: string;
  scope: "person" | "team";
  personId: string | null;
  personName: string | null;
  team: string | null;
  prefix: string;
  createdAt: Date;
  createdByName: string | null;
  lastFetchedAt: Date | null;
  revokedAt: Date | null;
};

/** Returned once, by create and regenerate. */
export type IssuedCalendarFeed = { feed: CalendarFeedView; url: string; webcalUrl: string };
