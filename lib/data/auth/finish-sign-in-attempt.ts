import "server-only";
import { eq } from "drizzle-orm";
import { signInAttempts } from "@/db/schema-auth";
import { getDb, type Queryable } from "@/lib/data/db";

/** Records how a claimed attempt ended; it counts towards the limit either way. */
export async function finishSignInAttempt({ attemptId, succeeded, db = getDb() }: { attemptId: number; succeeded: boolean; db?: Queryable }): Promise<void> {
  await db.update(signInAttempts).set({ succeeded }).where(eq(signInAttempts.id, attemptId));
}
