import "server-only";
import { lt } from "drizzle-orm";
import { signInAttempts } from "@/db/schema-auth";
import { getDb, type Queryable } from "@/lib/data/db";
import { configuredLimits, judgeAttempt, type SignInLimits, type SignInVerdict } from "@/lib/data/auth/sign-in-limits";

/**
 * One sign-in attempt, before any provider work: written, then judged against the address and (when
 * already known, as with the demo form) the account. Attempts older than the window are pruned here.
 */
export async function claimSignInAttempt(args: {
  provider: string;
  address: string | null;
  account?: string | null;
  limits?: SignInLimits;
  db?: Queryable;
  now?: Date;
}): Promise<SignInVerdict> {
  const { provider, address, limits = configuredLimits(), db = getDb(), now = new Date() } = args;
  const account = args.account?.trim().toLowerCase() || null;
  await db.delete(signInAttempts).where(lt(signInAttempts.at, new Date(now.getTime() - limits.windowMinutes * 60_000)));
  const [row] = await db.insert(signInAttempts).values({ at: now, provider, address, account, succeeded: false }).returning({ id: signInAttempts.id });
  return judgeAttempt(db, row!.id, { address, account }, limits, now);
}
