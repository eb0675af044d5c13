import "server-only";
import { sql } from "drizzle-orm";
import { people, type Person } from "@/db/schema";
import { getDb, type Queryable } from "@/lib/data/db";

/** Sign-in lookup: no actor yet, so this returns only the person the identity provider vouched for. */
export async function findPersonByEmail({ email, db = getDb() }: { email: string; db?: Queryable }): Promise<Person | null> {
  const [person] = await db.select().from(people).where(sql`lower(${people.email}) = ${email.toLowerCase()}`).limit(1);
  return person ?? null;
}
