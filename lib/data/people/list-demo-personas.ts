import "server-only";
import { and, eq } from "drizzle-orm";
import { people } from "@/db/schema";
import { DEMO_PERSONAS } from "@/lib/auth/demo-personas";
import { getDb, type Queryable } from "@/lib/data/db";

export type DemoPersona = { email: string; name: string; title: string | null; role: string; cameFor: string };

/**
 * Only called by the sign-in page in demo mode, where anyone may act as these personas: the people
 * the demo seed marked as personas, active, in the order of DEMO_PERSONAS.
 */
export async function listDemoPersonas({ db = getDb() }: { db?: Queryable } = {}): Promise<DemoPersona[]> {
  const rows = await db
    .select({ email: people.email, name: people.name, title: people.title, role: people.role })
    .from(people)
    .where(and(eq(people.demoPersona, true), eq(people.status, "active")));
  return DEMO_PERSONAS.flatMap((persona) => {
    const row = rows.find((r) => r.email.toLowerCase() === persona.email);
    return row ? [{ ...row, cameFor: persona.cameFor }] : [];
  });
}
