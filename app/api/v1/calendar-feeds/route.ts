import type { IssuedCalendarFeed } from "@/lib/data/calendar-feeds/calendar-feed-view";
import { createCalendarFeedInput, listCalendarFeedsQuery } from "@/lib/validation/calendar-feeds";
import { createCalendarFeed } from "@/lib/data/calendar-feeds/create-calendar-feed";
import { listCalendarFeeds } from "@/lib/data/calendar-feeds/list-calendar-feeds";
import { env, publicBaseUrl } from "@/lib/env";
import { withRoute } from "@/lib/http/with-route";
import { otherMethods } from "@/lib/http/other-methods";

/** GET /api/v1/calendar-feeds[?personId=] — one's calendar feeds (admins: anyone's), never their URLs. */
export const GET = withRoute({ permission: "rotation:work", schemas: { query: listCalendarFeedsQuery } }, async ({ actor, db, query }) => ({
  items: await listCalendarFeeds({ actor, db, personId: query.personId }),
}));

/**
 * POST /api/v1/calendar-feeds {scope:"person", personId?} | {scope:"team", team} — a new feed; its
 * URL is in this answer only. Audited (with the token's prefix, never the token).
 */
export const POST = withRoute(
  {
    permission: "rotation:work",
    schemas: { body: createCalendarFeedInput },
    audit: {
      action: "create",
      rawAction: "calendar_feed.create",
      describe: ({ body }, issued: IssuedCalendarFeed | undefined) => ({ detail: { ...body, id: issued?.feed.id, prefix: issued?.feed.prefix } }),
    },
  },
  ({ actor, db, body, request }) => createCalendarFeed({ actor, db, input: body, baseUrl: publicBaseUrl(env(), request.nextUrl.origin) }),
);

/** Anything else: 405 with Allow (lib/http/other-methods.ts). */
export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET, POST });
