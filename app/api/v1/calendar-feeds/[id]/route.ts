import { calendarFeedParams } from "@/lib/validation/calendar-feeds";
import { revokeCalendarFeed } from "@/lib/data/calendar-feeds/revoke-calendar-feed";
import { withRoute } from "@/lib/http/with-route";
import { otherMethods } from "@/lib/http/other-methods";

/** DELETE /api/v1/calendar-feeds/:id — revoke a feed; its URL answers 404 from now on. Audited. */
export const DELETE = withRoute(
  {
    permission: "rotation:work",
    schemas: { params: calendarFeedParams },
    audit: {
      action: "delete",
      rawAction: "calendar_feed.revoke",
      describe: ({ params }, feed: Awaited<ReturnType<typeof revokeCalendarFeed>> | undefined) => ({ detail: { id: params.id, scope: feed?.scope, personId: feed?.personId, team: feed?.team, prefix: feed?.prefix } }),
    },
  },
  ({ actor, db, params }) => revokeCalendarFeed({ actor, db, id: params.id }),
);

/** Anything else: 405 with Allow (lib/http/other-methods.ts). */
export const { GET, POST, PUT, PATCH, OPTIONS } = otherMethods({ DELETE });
