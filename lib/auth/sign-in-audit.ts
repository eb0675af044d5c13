import "server-only";
// Sign-in outcomes are access events of Keyledger itself ("auth.sign_in"), each with the client
// address the web server saw: a success, a refusal by the registry, a refusal by the rate limit.
import type { SignInAttempt } from "@/lib/auth/sign-in-context";
import { recordKeyledgerEvent } from "@/lib/data/access-events/record-keyledger-event";
import type { SignInVerdict } from "@/lib/data/auth/sign-in-limits";

type Who = Pick<SignInAttempt, "provider" | "address" | "userAgent" | "account">;
type Refusal = Extract<SignInVerdict, { allowed: false }>;

export function auditSignIn(who: Who & { account: string }) {
  return recordKeyledgerEvent({
    event: { actor: who.account, action: "other", rawAction: "auth.sign_in", authSource: who.provider, sourceIp: who.address, userAgent: who.userAgent },
  });
}

/** Refused by the registry or the provider (not a persona, offboarded, a failed OAuth exchange). */
export function auditSignInFailure(who: Who) {
  return recordKeyledgerEvent({
    event: {
      actor: who.account ?? who.address ?? "unknown",
      action: "other",
      rawAction: "auth.sign_in",
      result: "failure",
      errorCode: "refused",
      authSource: who.provider,
      sourceIp: who.address,
      userAgent: who.userAgent,
    },
  });
}

/** Refused by the rate limit. The actor is what was limited, so a flood of made-up accounts adds no subjects. */
export function auditRateLimited(who: Who, refusal: Refusal) {
  return recordKeyledgerEvent({
    event: {
      actor: (refusal.limitedBy === "account" ? who.account : who.address) ?? "unknown",
      action: "other",
      rawAction: "auth.sign_in",
      result: "failure",
      errorCode: "rate_limited",
      authSource: who.provider,
      sourceIp: who.address,
      userAgent: who.userAgent,
      detail: { limitedBy: refusal.limitedBy, retryAfterSeconds: refusal.retryAfterSeconds, account: who.account },
    },
  });
}
