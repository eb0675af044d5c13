// A calendar feed as the API shows it (the zod input schemas are in lib/validation/calendar-feeds.ts).
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
