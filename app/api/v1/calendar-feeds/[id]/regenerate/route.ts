import { calendarFeedParams } from "@/lib/validation/calendar-feeds";
import { regenerateCalendarFeed } from "@/lib/data/calendar-feeds/regenerate-calendar-feed";
import { env, publicBaseUrl } from "@/lib/env";
import { withRoute } from "@/lib/http/with-route";
import { otherMethods } from "@/lib/http/other-methods";

/**
 * POST /api/v1/calendar-feeds/:id/regenerate — a new URL for the same calendar; the old one answers
 * 404 from now on. The new URL is in this answer only. Audited.
 */
export const POST = withRoute(
  {
    permission: "rotation:work",
    schemas: { params: calendarFeedParams },
    audit: {
      action: "update",
      rawAction: "calendar_feed.regenerate",
      describe: ({ params }, issued: Awaited<ReturnType<typeof regenerateCalendarFeed>> | undefined) => ({
        detail: { revokedId: params.id, id: issued?.feed.id, scope: issued?.feed.scope, personId: issued?.feed.personId, team: issued?.feed.team, prefix: issued?.feed.prefix },
      }),
    },
  },
  ({ actor, db, params, request }) => regenerateCalendarFeed({ actor, db, id: params.id, baseUrl: publicBaseUrl(env(), request.nextUrl.origin) }),
);

/** Anything else: 405 with Allow (lib/http/other-methods.ts). */
export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ POST });
