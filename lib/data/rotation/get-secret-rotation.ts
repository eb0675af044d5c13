import "server-only";
// One secret's rotation, as its detail page shows it: the policy that holds it and where that comes
// from (its tier × environment row, the strictest row when those are unknown, an override, or exempt),
// the last rotation and the next due date, its open task and the last few closed ones. The rules are
// resolvePolicy and computeDue on the same inputs the daily job loads; nothing is decided here.
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { people, secrets } from "@/db/schema";
import { rotationOverrides, rotationTasks } from "@/db/schema-rotation";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getDb, type Queryable } from "@/lib/data/db";
import { loadPolicies, loadSecretStates, loadSettings } from "@/lib/data/rotation/load-rotation-inputs";
import { selectRotationTasks, toRotationTask, type PersonRef, type RotationTask } from "@/lib/data/rotation/rotation-task-json";
import { secretScope } from "@/lib/data/scope";
import { resolvePolicy, TIERS, type EffectivePolicy, type Environment } from "@/lib/domain/rotation/policy";
import { ACTIVE_STATUSES, computeDue, DAY_MS } from "@/lib/domain/rotation/schedule";

export type SecretRotation = {
  effective: EffectivePolicy;
  /** The tier × environment policy the secret falls under (before any override); null for a short-lived credential with no override. */
  row: { tier: number | null; environment: Environment | null; unknown: ("tier" | "environment")[]; intervalDays: number; graceDays: number; requiresApproval: boolean } | null;
  override: { intervalDays: number | null; graceDays: number | null; exempt: boolean; reason: string; setAt: string; setBy: PersonRef | null } | null;
  /** store: the store's rotation date; recorded: a task marked done in Keyledger; else what the first due date counts from. */
  lastRotation: { basis: "store" | "recorded" | "created_in_source" | "registered"; at: string };
  /** Null when exempt. From the open scheduled task when there is one, else computed; opensAt is when the daily job opens its task. */
  nextDue: { dueAt: string; graceUntil: string; overdue: boolean; opensAt: string } | null;
  open: RotationTask[];
  closed: (RotationTask & { outcome: "on_time" | "late" | "skipped"; daysLate: number })[];
};

const CLOSED_SHOWN = 5;

/** Null when the actor may not see rotation or this secret (a foreign id matches no row). */
export async function getSecretRotation({ actor, id, db = getDb(), now = new Date() }: { actor: Actor; id: string; db?: Queryable; now?: Date }): Promise<SecretRotation | null> {
  if (!can(actor.role, "rotation:read")) return null;
  const scoped = sql`s.id = ${id}::uuid and exists (select 1 from ${secrets} where ${secrets.id} = s.id and ${secretScope(actor)})`;
  const [state] = await loadSecretStates(db, scoped, { includeMissing: true });
  if (!state) return null;

  const taskScope = and(eq(rotationTasks.secretId, id), secretScope(actor));
  const [policies, settings, [override], open, closed] = await Promise.all([
    loadPolicies(db),
    loadSettings(db),
    db
      .select({ setAt: rotationOverrides.setAt, setBy: { id: people.id, name: people.name } })
      .from(rotationOverrides)
      .leftJoin(people, eq(people.id, rotationOverrides.setBy))
      .where(eq(rotationOverrides.secretId, id)),
    selectRotationTasks(db, and(taskScope, inArray(rotationTasks.status, [...ACTIVE_STATUSES]))).orderBy(rotationTasks.dueAt),
    selectRotationTasks(db, and(taskScope, inArray(rotationTasks.status, ["done", "skipped"])))
      .orderBy(desc(sql`coalesce(${rotationTasks.completedAt}, ${rotationTasks.updatedAt})`))
      .limit(CLOSED_SHOWN),
  ]);

  const facts = { tier: state.tier, environment: state.environment, lifetime: state.lifetime };
  const effective = resolvePolicy({ secret: facts, policies, override: state.override });
  const base = resolvePolicy({ secret: { ...facts, lifetime: "static" }, policies });
  const unknown = [
    ...(state.tier === null || !(TIERS as readonly number[]).includes(state.tier) ? (["tier"] as const) : []),
    ...(state.environment === null ? (["environment"] as const) : []),
  ];
  const row = base.exempt || (effective.exempt && effective.why === "short_lived") ? null : { tier: base.tier, environment: base.environment, unknown, intervalDays: base.intervalDays, graceDays: base.graceDays, requiresApproval: base.requiresApproval };

  const { lastRotatedAt, lastRecordedAt, createdInSourceAt, registeredAt } = state.facts;
  const recorded = lastRecordedAt && (!lastRotatedAt || lastRecordedAt > lastRotatedAt);
  const lastRotation = recorded
    ? { basis: "recorded" as const, at: lastRecordedAt }
    : lastRotatedAt
      ? { basis: "store" as const, at: lastRotatedAt }
      : createdInSourceAt
        ? { basis: "created_in_source" as const, at: createdInSourceAt }
        : { basis: "registered" as const, at: registeredAt };

  let nextDue: SecretRotation["nextDue"] = null;
  if (!effective.exempt) {
    const due = state.active ?? computeDue(state.facts, effective);
    nextDue = {
      dueAt: due.dueAt.toISOString(),
      graceUntil: due.graceUntil.toISOString(),
      overdue: now > due.dueAt,
      opensAt: new Date(due.dueAt.getTime() - settings.leadDays * DAY_MS).toISOString(),
    };
  }

  return {
    effective,
    row,
    override: state.override && override ? { ...state.override, setAt: override.setAt.toISOString(), setBy: override.setBy?.id ? override.setBy : null } : null,
    lastRotation: { basis: lastRotation.basis, at: lastRotation.at.toISOString() },
    nextDue,
    open: open.map((r) => toRotationTask(r, now)),
    closed: closed.map((r) => {
      const task = toRotationTask(r, now);
      const late = task.status === "done" && task.completedAt ? Math.floor((Date.parse(task.completedAt) - Date.parse(task.dueAt)) / DAY_MS) : 0;
      const outcome = task.status === "skipped" ? "skipped" : task.completedAt && task.completedAt > task.dueAt ? "late" : "on_time";
      return { ...task, outcome, daysLate: outcome === "late" ? Math.max(1, late) : 0 };
    }),
  };
}
