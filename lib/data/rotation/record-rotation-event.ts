import "server-only";
// Every acknowledge, done, skip, approval, rotate-now, override and policy change is an access event
// of Keyledger itself, written in the same transaction as the change, so "who touched this secret"
// and the packets' rotation evidence come from one log.
import type { Actor } from "@/lib/auth/actor";
import { recordKeyledgerEvent } from "@/lib/data/access-events/record-keyledger-event";
import type { Queryable } from "@/lib/data/db";

/** Where a request came from, when a route passes it on (lib/http/with-route.ts `eventContext`). */
export type EventContext = { rawId?: string; sourceIp?: string | null; userAgent?: string | null };

/** Keyledger's own jobs (auto-confirm) act as this actor. */
export const SYSTEM_ACTOR = "keyledger:system";

export async function recordRotationEvent(args: {
  db: Queryable;
  actor: Actor | typeof SYSTEM_ACTOR;
  action: "rotate" | "policy_change";
  rawAction: string;
  secretId?: string | null;
  secretRef?: string | null;
  detail: Record<string, unknown>;
  context?: EventContext;
}): Promise<void> {
  const system = args.actor === SYSTEM_ACTOR;
  await recordKeyledgerEvent({
    db: args.db,
    event: {
      actor: system ? SYSTEM_ACTOR : (args.actor as Actor).email,
      action: args.action,
      rawAction: args.rawAction,
      secretId: args.secretId ?? null,
      secretRef: args.secretRef ?? null,
      authSource: system ? "system" : "session",
      actorType: system ? "service" : "human",
      detail: args.detail,
      ...args.context,
    },
  });
}
