import "server-only";
// The demo sign-in: anyone who can reach the page may act as a persona, so it admits only the people
// the demo seed created as personas (people.demo_persona) and still active — never another admin or
// anyone else in the registry (docs/security.md).
import { findPersonByEmail } from "@/lib/data/people/find-person-by-email";
import type { Queryable } from "@/lib/data/db";

export type DemoUser = { id: string; email: string; name: string };

export async function authorizeDemoPersona({ email, db }: { email: string | undefined; db?: Queryable }): Promise<DemoUser | null> {
  const wanted = email?.trim();
  if (!wanted) return null;
  const person = await findPersonByEmail({ email: wanted, db });
  if (!person || !person.demoPersona || person.status !== "active") return null;
  return { id: person.id, email: person.email, name: person.name };
}
