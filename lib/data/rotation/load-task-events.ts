import "server-only";
// The rotation access events of one task (record-rotation-event.ts writes one with every step, in
// the same transaction), oldest first, each actor matched to the person with that e-mail. Only
// successes: a refused attempt is in the access log, not in the task's history.
import { and, asc, eq, sql } from "drizzle-orm";
import { accessEvents, people } from "@/db/schema";
import type { Queryable } from "@/lib/data/db";
import type { TaskEvent } from "@/lib/domain/rotation/history";

export async function loadTaskEvents(db: Queryable, task: { id: string; secretId: string }): Promise<TaskEvent[]> {
  const rows = await db
    .select({ at: accessEvents.occurredAt, rawAction: accessEvents.rawAction, actor: accessEvents.actor, detail: accessEvents.detail, personId: people.id, personName: people.name })
    .from(accessEvents)
    .leftJoin(people, and(eq(accessEvents.actorType, "human"), sql`lower(${people.email}) = lower(${accessEvents.actor})`))
    .where(
      and(
        eq(accessEvents.secretId, task.secretId),
        eq(accessEvents.sourceKind, "keyledger"),
        eq(accessEvents.result, "success"),
        sql`${accessEvents.rawAction} like 'rotation.%'`,
        sql`${accessEvents.detail}->>'taskId' = ${task.id}`,
      ),
    )
    .orderBy(asc(accessEvents.occurredAt), asc(accessEvents.id));
  return rows.map((r) => ({
    at: r.at.toISOString(),
    rawAction: r.rawAction,
    actor: r.actor,
    person: r.personId && r.personName ? { id: r.personId, name: r.personName } : null,
    detail: r.detail ?? {},
  }));
}
