import "server-only";
// What the auth route knows about the sign-in attempt it is serving — the client address, the
// claimed attempt row — carried to next-auth's callbacks and events, which run inside that request
// but are not handed it.
import { AsyncLocalStorage } from "node:async_hooks";
import type { SignInVerdict } from "@/lib/data/auth/sign-in-limits";

export type SignInAttempt = {
  provider: string;
  address: string | null;
  userAgent: string | null;
  attemptId: number;
  account: string | null;
  succeeded: boolean;
  /** Set when the account, learned from the provider, turned out to be over its limit. */
  refused?: Extract<SignInVerdict, { allowed: false }>;
};

const storage = new AsyncLocalStorage<SignInAttempt>();

export function runSignInAttempt<T>(attempt: SignInAttempt, work: () => Promise<T>): Promise<T> {
  return storage.run(attempt, work);
}

export function currentSignInAttempt(): SignInAttempt | undefined {
  return storage.getStore();
}
