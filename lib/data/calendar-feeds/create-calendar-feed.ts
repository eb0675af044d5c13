import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { people } from "@/db/schema";
import { calendarFeeds } from "@/db/schema-rotation";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getDb, type Queryable } from "@/lib/data/db";
import type { IssuedCalendarFeed } from "@/lib/data/calendar-feeds/calendar-feed-view";
import type { CreateCalendarFeedInput } from "@/lib/validation/calendar-feeds";
import { feedUrls, newFeedToken } from "@/lib/auth/feed-token";
import { selectCalendarFeedViews } from "@/lib/data/calendar-feeds/get-calendar-feed-view";
import { AppError, notFound } from "@/lib/errors";

type Target = { scope: "person"; personId: string; team: null } | { scope: "team"; personId: null; team: string };

/**
 * A new feed: a person's own (admins: anyone's), or a team's (admins, or a member of that team).
 * One active feed per person, and per team and creator: a second one is a conflict — regenerate
 * instead. The URL is in this answer only.
 */
export async function createCalendarFeed({ actor, input, baseUrl, db = getDb() }: { actor: Actor; input: CreateCalendarFeedInput; baseUrl: string; db?: Queryable }): Promise<IssuedCalendarFeed> {
  const target = await authorize(actor, input, db);
  return db.transaction(async (tx) => {
    // Serializes two creates for the same target, so "one active feed" holds without a unique index.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`calendar_feeds:${target.scope}:${target.personId ?? `${target.team}:${actor.id}`}`}))`);
    const [existing] = await tx
      .select({ id: calendarFeeds.id })
      .from(calendarFeeds)
      .where(
        and(
          isNull(calendarFeeds.revokedAt),
          target.scope === "person"
            ? eq(calendarFeeds.personId, target.personId)
            : and(eq(calendarFeeds.team, target.team), eq(calendarFeeds.createdBy, actor.id)),
        ),
      )
      .limit(1);
    if (existing) throw new AppError("conflict", "This calendar feed already exists: regenerate it to get a new URL");
    return issueCalendarFeed({ actor, target, baseUrl, db: tx });
  });
}

/** Inserts a feed row with a fresh token and returns it with its URL (create and regenerate). */
export async function issueCalendarFeed({ actor, target, baseUrl, db }: { actor: Actor; target: Target; baseUrl: string; db: Queryable }): Promise<IssuedCalendarFeed> {
  const { token, prefix, hash } = newFeedToken();
  const [row] = await db
    .insert(calendarFeeds)
    .values({ scope: target.scope, personId: target.personId, team: target.team, prefix, tokenHash: hash, createdBy: actor.id })
    .returning({ id: calendarFeeds.id });
  const [feed] = await selectCalendarFeedViews({ where: eq(calendarFeeds.id, row!.id), db });
  return { feed: feed!, ...feedUrls({ baseUrl, token }) };
}

async function authorize(actor: Actor, input: CreateCalendarFeedInput, db: Queryable): Promise<Target> {
  if (!can(actor.role, "rotation:work")) throw new AppError("forbidden", "Your role does not take rotation tasks, so it has no calendar feed");
  const admin = can(actor.role, "rotation:manage");
  if (input.scope === "person") {
    const personId = input.personId ?? actor.id;
    if (personId !== actor.id && !admin) throw new AppError("forbidden", "You may create a calendar feed only for yourself");
    const [person] = await db.select({ status: people.status }).from(people).where(eq(people.id, personId)).limit(1);
    if (!person) throw notFound("Person");
    if (person.status !== "active") throw new AppError("invalid_input", "That person is offboarded", [{ field: "body.personId", message: "offboarded people get no calendar feed" }]);
    return { scope: "person", personId, team: null };
  }
  const [member] = await db.select({ id: people.id }).from(people).where(and(eq(people.team, input.team), eq(people.status, "active"))).limit(1);
  const [self] = await db.select({ team: people.team }).from(people).where(eq(people.id, actor.id)).limit(1);
  if (!admin && self?.team !== input.team) throw new AppError("forbidden", `Only members of ${input.team} (or an admin) may create its calendar feed`);
  if (!member) throw notFound("Team");
  return { scope: "team", personId: null, team: input.team };
}
