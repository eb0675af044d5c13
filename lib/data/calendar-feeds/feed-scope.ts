import "server-only";
// Scope inside the query (docs/architecture.md, rule 7) for calendar feeds: which feeds an actor may
// manage, and which feeds are live enough to serve. A feed outside either simply matches no row.
import { and, eq, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { people } from "@/db/schema";
import { calendarFeeds } from "@/db/schema-rotation";
import type { Actor } from "@/lib/auth/actor";
import { can, ROLES } from "@/lib/auth/permissions";

/** Roles that may make and manage anyone's feed (rotation:manage). */
const FEED_ADMIN_ROLES = ROLES.filter((role) => can(role, "rotation:manage"));

/** Admins manage every feed; anyone else their own person feed and the team feeds they made. */
export function manageableFeeds(actor: Actor): SQL {
  if (!can(actor.role, "rotation:work")) return sql`false`;
  if (can(actor.role, "rotation:manage")) return sql`true`;
  return or(
    and(eq(calendarFeeds.scope, "person"), eq(calendarFeeds.personId, actor.id)),
    and(eq(calendarFeeds.scope, "team"), eq(calendarFeeds.createdBy, actor.id)),
  )!;
}

/** Active feeds whose URL the person could hold: their own person feed and every feed they made. */
export function feedsHeldBy(personId: string): SQL {
  return and(isNull(calendarFeeds.revokedAt), or(eq(calendarFeeds.personId, personId), eq(calendarFeeds.createdBy, personId)))!;
}

export const feedPerson = alias(people, "feed_person");
export const feedCreator = alias(people, "feed_creator");

/**
 * A feed is served only while nobody who could hold its URL has left: not revoked, its person still
 * active, its creator still active — and, for a team feed, its creator still on the team (or an
 * admin). Offboarding revokes feeds too (revokePersonFeeds); this holds even if that step is missed.
 * Needs feedPerson and feedCreator left-joined.
 */
export function liveFeed(): SQL {
  return and(
    isNull(calendarFeeds.revokedAt),
    or(isNull(calendarFeeds.createdBy), eq(feedCreator.status, "active")),
    or(
      and(eq(calendarFeeds.scope, "person"), eq(feedPerson.status, "active")),
      and(
        eq(calendarFeeds.scope, "team"),
        eq(feedCreator.status, "active"),
        or(eq(feedCreator.team, calendarFeeds.team), inArray(feedCreator.role, FEED_ADMIN_ROLES)),
      ),
    ),
  )!;
}
