import "server-only";
import { people, type Person } from "@/db/schema";
import { getDb, type Queryable } from "@/lib/data/db";
import { findPersonByEmail } from "@/lib/data/people/find-person-by-email";

/** ADMIN_EMAILS lets the first admin in before anyone is in the registry. */
export async function createFirstAdmin({ email, name, db = getDb() }: { email: string; name: string; db?: Queryable }): Promise<Person> {
  const [created] = await db
    .insert(people)
    .values({ email: email.toLowerCase(), name, role: "admin", title: "Administrator" })
    .onConflictDoNothing()
    .returning();
  const person = created ?? (await findPersonByEmail({ email, db }));
  if (!person) throw new Error(`could not create admin ${email}`);
  return person;
}
