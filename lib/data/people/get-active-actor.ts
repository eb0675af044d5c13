import "server-only";
import { and, eq } from "drizzle-orm";
import { people } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { getDb, type Queryable } from "@/lib/data/db";

/** The actor behind a session: only an active person is one; offboarding ends every session. */
export async function getActiveActor({ personId, db = getDb() }: { personId: string; db?: Queryable }): Promise<Actor | null> {
  if (!/^[0-9a-f-]{36}$/i.test(personId)) return null;
  const [person] = await db
    .select({ id: people.id, email: people.email, name: people.name, role: people.role })
    .from(people)
    .where(and(eq(people.id, personId), eq(people.status, "active")))
    .limit(1);
  return person ?? null;
}
