import "server-only";
// An admin changes one tier × environment row. Refused whole (400, every field named) when
// invalid. When it changes, the due dates of open and acknowledged scheduled tasks move at once
// (their sequence bumps, so calendar feeds update), tasks now within the lead time open (their
// history names the change and who made it), untouched tasks an earlier change opened and this
// one takes back past the lead time are withdrawn, and the change is an access event. With
// `preview` the same runs and is rolled back (dry-run.ts): the answer lists every task it would
// open, move, close or withdraw, and nothing changes.
import { sql } from "drizzle-orm";
import { rotationPolicies } from "@/db/schema-rotation";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getDb, type Queryable } from "@/lib/data/db";
import { loadPolicies } from "@/lib/data/rotation/load-rotation-inputs";
import { reconcileRotationTasks, type ReconcileResult } from "@/lib/data/rotation/reconcile-rotation-tasks";
import { dryRun } from "@/lib/data/rotation/dry-run";
import { recordRotationEvent, type EventContext } from "@/lib/data/rotation/record-rotation-event";
import { countsOf } from "@/lib/data/rotation/task-change";
import type { RotationPolicyJson } from "@/lib/data/rotation/get-rotation-policies";
import type { Environment } from "@/lib/domain/rotation/policy";
import { validatePolicy } from "@/lib/domain/rotation/validate";
import { AppError } from "@/lib/errors";

export type PolicyInput = { intervalDays: number; graceDays: number; requiresApproval: boolean };

export async function updateRotationPolicy(args: {
  actor: Actor;
  tier: number;
  environment: Environment;
  input: PolicyInput;
  db?: Queryable;
  now?: Date;
  context?: EventContext;
  preview?: boolean;
}): Promise<{ policy: RotationPolicyJson; tasks: ReconcileResult; applied: boolean }> {
  const { actor, tier, environment, input, db = getDb(), now = new Date(), preview = false } = args;
  if (!can(actor.role, "rotation:manage")) throw new AppError("forbidden", "Only an admin can change rotation policies");
  if (![1, 2, 3, 4].includes(tier)) throw new AppError("not_found", "No such policy (tier is 1–4)");
  const errors = validatePolicy(input);
  if (errors.length) throw new AppError("bad_request", "Invalid policy", errors);
  return dryRun(db, preview, async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('keyledger:rotation-policies'))`);
    const before = (await loadPolicies(tx)).find((p) => p.tier === tier && p.environment === environment);
    const [row] = await tx
      .insert(rotationPolicies)
      .values({ tier, environment, ...input, updatedAt: now, updatedBy: actor.id })
      .onConflictDoUpdate({ target: [rotationPolicies.tier, rotationPolicies.environment], set: { ...input, updatedAt: now, updatedBy: actor.id } })
      .returning();
    const tasks = await reconcileRotationTasks({ db: tx, now, origin: { via: "policy_change", by: actor.id } });
    await recordRotationEvent({
      db: tx,
      actor,
      action: "policy_change",
      rawAction: "rotation.policy_update",
      detail: {
        tier,
        environment,
        from: before ? { intervalDays: before.intervalDays, graceDays: before.graceDays, requiresApproval: before.requiresApproval } : null,
        to: input,
        tasks: countsOf(tasks),
      },
      context: args.context,
    });
    const saved = row as typeof rotationPolicies.$inferSelect;
    return {
      policy: { tier, environment, intervalDays: saved.intervalDays, graceDays: saved.graceDays, requiresApproval: saved.requiresApproval, updatedAt: saved.updatedAt.toISOString() },
      tasks,
      applied: !preview,
    };
  });
}
