import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { people } from "@/db/schema";
import { DEMO_PERSONAS } from "@/lib/auth/demo-personas";
import { getDb, type Queryable } from "@/lib/data/db";

export type DemoPersona = { email: string; name: string; title: string | null; role: string; cameFor: string };

/** Only called by the sign-in page in demo mode, where anyone may act as these personas. */
export async function listDemoPersonas({ db = getDb() }: { db?: Queryable } = {}): Promise<DemoPersona[]> {
  const emails = DEMO_PERSONAS.map((p) => p.email);
  const rows = await db
    .select({ email: people.email, name: people.name, title: people.title, role: people.role })
    .from(people)
    .where(and(inArray(people.email, emails), eq(people.status, "active")));
  return DEMO_PERSONAS.flatMap((persona) => {
    const row = rows.find((r) => r.email === persona.email);
    return row ? [{ ...row, cameFor: persona.cameFor }] : [];
  });
}
