import "server-only";
// The rotation tasks a feed shows, read straight from rotation_tasks: a person feed has the tasks
// assigned to the person, a team feed those assigned to anyone on the team — limited to the secrets
// its creator may see (a secret owner sees the secrets they hold a role on, as everywhere else).
// Open tasks stay however old; done and skipped ones for 30 days after they close.
import { and, asc, eq, inArray, lt, notInArray, or, sql, type SQL } from "drizzle-orm";
import { people, secrets, sources } from "@/db/schema";
import { rotationTasks } from "@/db/schema-rotation";
import { getDb, type Queryable } from "@/lib/data/db";
import type { LiveCalendarFeed } from "@/lib/data/calendar-feeds/find-calendar-feed-by-token";
import { taskColumns } from "@/lib/data/rotation/task-columns";
import { secretScope } from "@/lib/data/scope";
import type { FeedTask } from "@/lib/domain/ics/rotation-feed";

const CLOSED_TASK_DAYS = 30;
const MAX_EVENTS = 2_000;
const DAY = 86_400_000;

const CLOSED: ("done" | "skipped")[] = ["done", "skipped"];
const closedAt = sql<Date>`coalesce(${rotationTasks.completedAt}, ${rotationTasks.updatedAt})`;

/** Needs secrets joined: a team feed is scoped to its creator's secrets with the shared secretScope. */
function assignedIn(feed: LiveCalendarFeed): SQL {
  if (feed.scope === "person") return eq(rotationTasks.assigneeId, feed.personId!);
  if (!feed.creator) return sql`false`;
  return and(sql`${rotationTasks.assigneeId} in (select ${people.id} from ${people} where ${people.team} = ${feed.team})`, secretScope(feed.creator))!;
}

export async function listFeedTasks({ feed, now, db = getDb() }: { feed: LiveCalendarFeed; now: Date; db?: Queryable }): Promise<FeedTask[]> {
  const since = new Date(now.getTime() - CLOSED_TASK_DAYS * DAY);
  const rows = await db
    .select({
      ...taskColumns,
      sequence: rotationTasks.sequence,
      updatedAt: sql<Date>`greatest(${rotationTasks.updatedAt}, ${secrets.updatedAt})`.mapWith(rotationTasks.updatedAt),
      completedAt: rotationTasks.completedAt,
      skippedAt: rotationTasks.skippedAt,
      skippedReason: rotationTasks.skippedReason,
      assigneeName: people.name,
      assigneeRole: rotationTasks.assigneeRole,
      secretName: secrets.name,
      sourceName: sources.name,
      tier: secrets.tier,
      environment: secrets.environment,
    })
    .from(rotationTasks)
    .innerJoin(secrets, eq(secrets.id, rotationTasks.secretId))
    .innerJoin(sources, eq(sources.id, secrets.sourceId))
    .leftJoin(people, eq(people.id, rotationTasks.assigneeId))
    .where(and(assignedIn(feed), or(notInArray(rotationTasks.status, CLOSED), sql`${closedAt} >= ${since}`)))
    .orderBy(asc(rotationTasks.dueAt), asc(rotationTasks.id))
    .limit(MAX_EVENTS);
  return rows;
}

/**
 * When a closed task last dropped out of the feed (it closed more than 30 days ago), or null: the
 * feed changed then although no remaining task did, so Last-Modified must not be older.
 */
export async function lastFeedDropout({ feed, now, db = getDb() }: { feed: LiveCalendarFeed; now: Date; db?: Queryable }): Promise<Date | null> {
  const since = new Date(now.getTime() - CLOSED_TASK_DAYS * DAY);
  const [row] = await db
    .select({ closedAt: sql<Date | null>`max(${closedAt})`.mapWith(rotationTasks.updatedAt) })
    .from(rotationTasks)
    .innerJoin(secrets, eq(secrets.id, rotationTasks.secretId))
    .where(and(assignedIn(feed), inArray(rotationTasks.status, CLOSED), lt(closedAt, since)));
  return row?.closedAt ? new Date(row.closedAt.getTime() + CLOSED_TASK_DAYS * DAY) : null;
}
