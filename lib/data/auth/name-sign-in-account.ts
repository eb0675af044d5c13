import "server-only";
import { eq } from "drizzle-orm";
import { signInAttempts } from "@/db/schema-auth";
import { getDb, type Queryable } from "@/lib/data/db";
import { configuredLimits, judgeAttempt, type SignInLimits, type SignInVerdict } from "@/lib/data/auth/sign-in-limits";

/**
 * An OIDC or GitHub attempt learns its account only once the provider has answered: the claimed
 * attempt is given it, then judged against that account's limit (the address was judged already).
 */
export async function nameSignInAccount(args: { attemptId: number; account: string; limits?: SignInLimits; db?: Queryable; now?: Date }): Promise<SignInVerdict> {
  const { attemptId, limits = configuredLimits(), db = getDb(), now = new Date() } = args;
  const account = args.account.trim().toLowerCase();
  await db.update(signInAttempts).set({ account }).where(eq(signInAttempts.id, attemptId));
  return judgeAttempt(db, attemptId, { address: null, account }, limits, now);
}
