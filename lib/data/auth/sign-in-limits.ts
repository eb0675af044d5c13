import "server-only";
// How many sign-in attempts one address and one account may make in a sliding window. The state is
// the sign_in_attempts table, so every web process counts the same attempts (docs/security.md).
import { and, desc, eq, gt, ne, sql } from "drizzle-orm";
import { signInAttempts } from "@/db/schema-auth";
import type { Queryable } from "@/lib/data/db";
import { env } from "@/lib/env";

export type SignInLimits = { maxPerAddress: number; maxPerAccount: number; windowMinutes: number };
export type SignInVerdict =
  | { allowed: true; attemptId: number }
  | { allowed: false; limitedBy: "address" | "account"; retryAfterSeconds: number };

export function configuredLimits(): SignInLimits {
  const e = env();
  return { maxPerAddress: e.KEYLEDGER_SIGNIN_MAX_PER_ADDRESS, maxPerAccount: e.KEYLEDGER_SIGNIN_MAX_PER_ACCOUNT, windowMinutes: e.KEYLEDGER_SIGNIN_WINDOW_MINUTES };
}

type Key = { limitedBy: "address" | "account"; column: typeof signInAttempts.address | typeof signInAttempts.account; value: string; max: number };

/**
 * Judges an attempt whose row is already written. Counting after writing is what makes the limit
 * hold across processes without a lock: of any number of simultaneous attempts, the last to count
 * sees them all. A refused attempt's row is removed — it does not count, so Retry-After stays true.
 */
export async function judgeAttempt(db: Queryable, attemptId: number, who: { address: string | null; account: string | null }, limits: SignInLimits, now: Date): Promise<SignInVerdict> {
  const windowMs = limits.windowMinutes * 60_000;
  const since = new Date(now.getTime() - windowMs);
  const keys: Key[] = [];
  if (who.address) keys.push({ limitedBy: "address", column: signInAttempts.address, value: who.address, max: limits.maxPerAddress });
  if (who.account) keys.push({ limitedBy: "account", column: signInAttempts.account, value: who.account, max: limits.maxPerAccount });
  for (const key of keys) {
    const inWindow = and(eq(key.column, key.value), gt(signInAttempts.at, since));
    const [{ n } = { n: 0 }] = await db.select({ n: sql<number>`count(*)::int` }).from(signInAttempts).where(inWindow);
    if (n <= key.max) continue;
    // The attempt that has to age out of the window before one more fits: the max-th newest of the others.
    const [oldest] = await db
      .select({ at: signInAttempts.at })
      .from(signInAttempts)
      .where(and(inWindow, ne(signInAttempts.id, attemptId)))
      .orderBy(desc(signInAttempts.at))
      .offset(key.max - 1)
      .limit(1);
    await db.delete(signInAttempts).where(eq(signInAttempts.id, attemptId));
    const freeAt = (oldest?.at.getTime() ?? now.getTime()) + windowMs;
    return { allowed: false, limitedBy: key.limitedBy, retryAfterSeconds: Math.max(1, Math.ceil((freeAt - now.getTime()) / 1000)) };
  }
  return { allowed: true, attemptId };
}
