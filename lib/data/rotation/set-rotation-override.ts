import "server-only";
// A per-secret exception to its policy — its own interval and/or grace, or exempt — always with a
// reason; or clearing it. Admins only. The secret's open scheduled task follows at once (dates
// move; exempt closes it as skipped with the reason), and the change is an access event.
import { and, eq, sql } from "drizzle-orm";
import { secrets } from "@/db/schema";
import { rotationOverrides } from "@/db/schema-rotation";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getDb, type Queryable } from "@/lib/data/db";
import { loadPolicies } from "@/lib/data/rotation/load-rotation-inputs";
import { reconcileRotationTasks } from "@/lib/data/rotation/reconcile-rotation-tasks";
import { countsOf } from "@/lib/data/rotation/task-change";
import { recordRotationEvent, type EventContext } from "@/lib/data/rotation/record-rotation-event";
import { secretScope } from "@/lib/data/scope";
import { resolvePolicy, type EffectivePolicy } from "@/lib/domain/rotation/policy";
import { validateOverride } from "@/lib/domain/rotation/validate";
import { AppError, notFound } from "@/lib/errors";

export type OverrideInput = { intervalDays?: number | null; graceDays?: number | null; exempt?: boolean; reason?: string };
export type OverrideJson = { intervalDays: number | null; graceDays: number | null; exempt: boolean; reason: string; setAt: string; setBy: string | null };
export type OverrideChange = { secretId: string; override: OverrideJson | null; effective: EffectivePolicy };

type Args = { actor: Actor; secretId: string; db?: Queryable; now?: Date; context?: EventContext };

async function lockSecret(db: Queryable, actor: Actor, secretId: string) {
  if (!can(actor.role, "rotation:manage")) throw new AppError("forbidden", "Only an admin can change a secret's rotation policy");
  const [secret] = await db
    .select({ id: secrets.id, name: secrets.name, tier: secrets.tier, environment: secrets.environment, lifetime: secrets.lifetime })
    .from(secrets)
    .where(and(eq(secrets.id, secretId), secretScope(actor)))
    .for("update")
    .limit(1);
  if (!secret) throw notFound("Secret");
  return secret;
}

export async function setRotationOverride({ input, ...args }: Args & { input: OverrideInput }): Promise<OverrideChange> {
  const { actor, secretId, db = getDb(), now = new Date() } = args;
  return db.transaction(async (tx) => {
    const secret = await lockSecret(tx, actor, secretId);
    const policies = await loadPolicies(tx);
    const base = resolvePolicy({ secret: { ...secret, lifetime: "static" }, policies });
    const errors = validateOverride(input, base.exempt ? 365 : base.intervalDays);
    if (errors.length) throw new AppError("bad_request", "Invalid override", errors);
    const values = { intervalDays: input.intervalDays ?? null, graceDays: input.graceDays ?? null, exempt: input.exempt ?? false, reason: (input.reason as string).trim() };
    const [previous] = await tx.select().from(rotationOverrides).where(eq(rotationOverrides.secretId, secretId));
    const [row] = await tx
      .insert(rotationOverrides)
      .values({ secretId, ...values, setBy: actor.id, setAt: now })
      .onConflictDoUpdate({ target: rotationOverrides.secretId, set: { ...values, setBy: actor.id, setAt: now } })
      .returning();
    const tasks = countsOf(await reconcileRotationTasks({ db: tx, now, where: sql`s.id = ${secretId}::uuid`, origin: { via: "override", by: actor.id } }));
    await recordRotationEvent({
      db: tx,
      actor,
      action: "policy_change",
      rawAction: "rotation.override_set",
      secretId,
      secretRef: secret.name,
      detail: { from: previous ? { intervalDays: previous.intervalDays, graceDays: previous.graceDays, exempt: previous.exempt, reason: previous.reason } : null, to: values, tasks },
      context: args.context,
    });
    const saved = row as typeof rotationOverrides.$inferSelect;
    return {
      secretId,
      override: { ...values, setAt: saved.setAt.toISOString(), setBy: saved.setBy },
      effective: resolvePolicy({ secret, policies, override: values }),
    };
  });
}

/** Idempotent: clearing a secret with no override changes nothing and records nothing. */
export async function clearRotationOverride(args: Args): Promise<OverrideChange> {
  const { actor, secretId, db = getDb(), now = new Date() } = args;
  return db.transaction(async (tx) => {
    const secret = await lockSecret(tx, actor, secretId);
    const [previous] = await tx.delete(rotationOverrides).where(eq(rotationOverrides.secretId, secretId)).returning();
    const policies = await loadPolicies(tx);
    if (previous) {
      const tasks = countsOf(await reconcileRotationTasks({ db: tx, now, where: sql`s.id = ${secretId}::uuid`, origin: { via: "override", by: actor.id } }));
      await recordRotationEvent({
        db: tx,
        actor,
        action: "policy_change",
        rawAction: "rotation.override_clear",
        secretId,
        secretRef: secret.name,
        detail: { from: { intervalDays: previous.intervalDays, graceDays: previous.graceDays, exempt: previous.exempt, reason: previous.reason }, to: null, tasks },
        context: args.context,
      });
    }
    return { secretId, override: null, effective: resolvePolicy({ secret, policies }) };
  });
}
