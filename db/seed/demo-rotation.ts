// Lumen Pay's rotation calendar, a year after they started tracking rotations in Keyledger: the
// rotations each secret's last rotation date tells of, recorded as done tasks (most on time, some
// late, some confirmed by the store, some marked done by hand), and the tasks open today — overdue
// ones, the next six weeks', some acknowledged, one waiting for the approver's sign-off, one
// skipped with a reason. The open tasks are opened by the daily job's own code (with a six-week
// lead), so the demo is exactly what the job would keep. Deterministic for a given `now`.
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { secrets } from "@/db/schema";
import { rotationPolicies, rotationSettings, rotationTasks } from "@/db/schema-rotation";
import { DEMO_PEOPLE } from "@/db/seed/demo-data";
import { TEAM_ENGINEERS } from "@/db/seed/demo-ownership";
import type { SecretPlan } from "@/db/seed/demo-secrets";
import type { Random } from "@/db/seed/random";
import { reconcileRotationTasks } from "@/lib/data/rotation/reconcile-rotation-tasks";
import { DEFAULT_POLICIES, resolvePolicy } from "@/lib/domain/rotation/policy";
import { DAY_MS, pickAssignee } from "@/lib/domain/rotation/schedule";

type NewTask = typeof rotationTasks.$inferInsert;

/** How far ahead the demo's calendar is filled (the daily job itself opens 14 days ahead). */
export const DEMO_LEAD_DAYS = 42;
/** When Lumen Pay started tracking rotations: no task is older. */
const TRACKED_DAYS = 400;
const HOUR_MS = 3_600_000;

const NOTES = [
  "Rolled in the provider console, updated the store, redeployed consumers; smoke tests green.",
  "Rotated with the runbook; old key revoked after 24h overlap.",
  "New credential issued, consumers restarted, old one disabled.",
  "Rotated during the maintenance window; verified with the health checks.",
];

const at = (ms: number) => new Date(ms);

export async function seedDemoRotation(args: {
  db: Db;
  plans: readonly SecretPlan[];
  secretId: (plan: SecretPlan) => string;
  personId: (key: string) => string;
  random: Random;
  now: Date;
}): Promise<{ tasks: number }> {
  const { db, plans, secretId, personId, random, now } = args;
  // A reset truncates people, which empties the policy and settings tables (they name who changed
  // them): put the defaults back (migration 0006 inserts the same).
  await db.insert(rotationPolicies).values([...DEFAULT_POLICIES]).onConflictDoNothing();
  await db.insert(rotationSettings).values({ id: 1 }).onConflictDoNothing();

  const history = plans.flatMap((plan) => pastRotations({ plan, id: secretId(plan), personId, random, now }));
  for (let i = 0; i < history.length; i += 1000) await db.insert(rotationTasks).values(history.slice(i, i + 1000));

  await reconcileRotationTasks({ db, now, leadDays: DEMO_LEAD_DAYS });
  await shapeOpenTasks({ db, random, now, personId });
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(rotationTasks);
  return { tasks: count?.n ?? 0 };
}

const OFFBOARDED = new Set(DEMO_PEOPLE.filter((p) => p.offboardedDaysAgo !== undefined).map((p) => p.key));
const ADMINS = DEMO_PEOPLE.filter((p) => p.role === "admin" && p.offboardedDaysAgo === undefined).map((p) => p.key);

/**
 * Who signed off a rotation done by hand: a second person, as the app enforces
 * (lib/domain/rotation/sign-off.ts) — the approver, unless they also operate the secret or did the
 * work (then an admin who did neither), and an admin when the secret has no approver.
 */
function signerOf(roles: SecretPlan["roles"], doneBy: string | null, personId: (key: string) => string): string | null {
  const involved = new Set([doneBy, roles.operator ? personId(roles.operator) : null]);
  if (roles.approver && !involved.has(personId(roles.approver))) return personId(roles.approver);
  const admin = ADMINS.find((key) => !involved.has(personId(key)));
  return admin ? personId(admin) : null;
}

/** The default policy a planned secret falls under. */
function planPolicy({ values: v }: SecretPlan) {
  return resolvePolicy({ secret: { tier: v.tier ?? null, environment: v.environment ?? null, lifetime: v.lifetime ?? null }, policies: DEFAULT_POLICIES });
}

/** Whether the daily job will have a task open for this secret at `now` (with the demo's lead). */
function dueByNow(plan: SecretPlan, now: Date): boolean {
  const v = plan.values;
  const policy = planPolicy(plan);
  const basis = v.lastRotatedAt ?? v.createdInSourceAt;
  return !policy.exempt && basis !== null && basis !== undefined && basis.getTime() + (policy.intervalDays - DEMO_LEAD_DAYS) * DAY_MS <= now.getTime();
}

/**
 * When Lumen Pay put rotation on a calendar, the security lead gave every secret that was due an
 * owner — all but one Doppler dev key nobody claims, which the calendar shows as a gap. Runs on the
 * plans before role assignments are written, so the registry, the events and the tasks agree.
 */
export function assignRotationOwners(args: { plans: SecretPlan[]; now: Date; random: Random }): void {
  const { plans, now, random } = args;
  const unowned = plans.filter((plan) => {
    const operator = plan.roles.operator && !OFFBOARDED.has(plan.roles.operator) ? plan.roles.operator : undefined;
    return !operator && !plan.roles.approver && dueByNow(plan, now);
  });
  const gap = unowned.find((plan) => plan.sourceKey === "doppler") ?? unowned[0];
  for (const plan of unowned) {
    if (plan === gap) continue;
    const engineer = random.pick(TEAM_ENGINEERS[plan.team]);
    // An offboarded operator stays on record (offboarding reassigns it); the approver takes the task.
    if (plan.roles.operator) plan.roles.approver = engineer;
    else plan.roles.operator = engineer;
  }
}

/** The rotation behind a secret's last rotation date (and, for short intervals, the one before). */
function pastRotations(args: { plan: SecretPlan; id: string; personId: (key: string) => string; random: Random; now: Date }): NewTask[] {
  const { plan, id, personId, random, now } = args;
  const v = plan.values;
  const policy = planPolicy(plan);
  if (policy.exempt || !v.lastRotatedAt) return [];
  const assignee = pickAssignee({
    operatorId: plan.roles.operator ? personId(plan.roles.operator) : null,
    approverId: plan.roles.approver ? personId(plan.roles.approver) : null,
  });
  const tracked = now.getTime() - TRACKED_DAYS * DAY_MS;
  const cycles = [v.lastRotatedAt.getTime()];
  if (policy.intervalDays <= 180) cycles.push(cycles[0]! - policy.intervalDays * DAY_MS + random.int(-10, 10) * DAY_MS);
  return cycles.flatMap((completed) => {
    // Only rotations within the tracked year whose task would have opened before now.
    if (completed < tracked + 30 * DAY_MS || completed > now.getTime()) return [];
    const late = random.chance(0.22);
    const dueAt = late ? completed - (policy.graceDays + random.int(2, 25)) * DAY_MS : completed + random.int(-3, policy.graceDays + 10) * DAY_MS;
    const openedAt = Math.min(dueAt - 14 * DAY_MS, completed - random.int(2, 48) * HOUR_MS);
    const manualBy = assignee.assigneeId;
    const auto = !manualBy || random.chance(0.55);
    // By hand, people often acknowledge and rotate in one sitting (what the capacity calculator
    // measures); otherwise they acknowledge within a day or two, or late.
    const sitting = !auto && random.chance(0.6);
    const signedOff = !auto && policy.requiresApproval && plan.roles.approver !== undefined;
    // Every manual done of a rotation that needs sign-off was signed off — never by whoever did it.
    const signer = !auto && policy.requiresApproval ? signerOf(plan.roles, manualBy, personId) : null;
    const acknowledged = sitting
      ? completed - random.int(15, 110) * 60_000
      : random.chance(0.85)
        ? Math.min(openedAt + random.weighted([[random.int(1, 44), 8], [random.int(49, 160), 2]] as const) * HOUR_MS, completed - HOUR_MS)
        : null;
    return [
      {
        secretId: id,
        kind: "scheduled" as const,
        status: "done" as const,
        dueAt: at(dueAt),
        graceUntil: at(dueAt + policy.graceDays * DAY_MS),
        openedAt: at(openedAt),
        dueBasis: "last_rotated",
        basisAt: at(dueAt - policy.intervalDays * DAY_MS),
        ...assignee,
        requiresApproval: policy.requiresApproval,
        acknowledgedAt: acknowledged && acknowledged > openedAt ? at(acknowledged) : null,
        acknowledgedBy: acknowledged && acknowledged > openedAt ? assignee.assigneeId : null,
        completedAt: at(completed),
        completedBy: auto ? null : manualBy,
        completion: auto ? "auto" : "manual",
        note: auto ? null : random.pick(NOTES),
        // (The hours drawn only for a secret with an approver, as before, so the rest of the demo stays as it was.)
        approvedAt: signedOff ? at(completed + random.int(1, 20) * HOUR_MS) : signer ? at(completed + 3 * HOUR_MS) : null,
        approvedBy: signer,
        sequence: auto ? 1 : 2,
        createdAt: at(openedAt),
        updatedAt: at(completed),
      },
    ];
  });
}

/**
 * The job opened today's tasks "now"; give them the history a year of use leaves: opened when they
 * came within the lead time (not before tracking began), some acknowledged, one waiting for the
 * approver's sign-off, one skipped with a reason.
 */
async function shapeOpenTasks(args: { db: Db; random: Random; now: Date; personId: (key: string) => string }) {
  const { db, random, now } = args;
  const open = await db
    .select({ id: rotationTasks.id, dueAt: rotationTasks.dueAt, assigneeId: rotationTasks.assigneeId, requiresApproval: rotationTasks.requiresApproval, name: secrets.name })
    .from(rotationTasks)
    .innerJoin(secrets, eq(secrets.id, rotationTasks.secretId))
    .where(and(eq(rotationTasks.status, "open"), isNull(rotationTasks.completedAt)))
    .orderBy(rotationTasks.dueAt, secrets.name);
  const nowMs = now.getTime();
  const tracked = nowMs - TRACKED_DAYS * DAY_MS;

  const awaiting = open.find((t) => t.requiresApproval && t.assigneeId && t.dueAt.getTime() > nowMs - 20 * DAY_MS);
  const skipped = open.find((t) => t.assigneeId && t !== awaiting && t.dueAt.getTime() < nowMs && t.dueAt.getTime() > nowMs - 30 * DAY_MS);
  const shaped = open.map((task) => {
    const due = task.dueAt.getTime();
    const openedAt = Math.max(tracked, Math.min(due - 14 * DAY_MS, nowMs - random.int(1, 20) * HOUR_MS));
    const acknowledged = task.assigneeId !== null && (task === awaiting || random.chance(due < nowMs ? 0.3 : 0.45));
    const ackAt = acknowledged ? Math.min(openedAt + random.weighted([[random.int(1, 44), 8], [random.int(50, 200), 2]] as const) * HOUR_MS, nowMs - HOUR_MS) : null;
    return { id: task.id, openedAt: at(openedAt).toISOString(), ackAt: ackAt === null ? null : at(ackAt).toISOString(), ackBy: acknowledged ? task.assigneeId : null };
  });
  // One statement per thousand tasks: the 20 000-secret benchmark company opens ~10 000.
  for (let i = 0; i < shaped.length; i += 1000) {
    const chunk = shaped.slice(i, i + 1000);
    await db.execute(sql`
      update rotation_tasks t set opened_at = v.opened_at, created_at = v.opened_at, updated_at = coalesce(v.ack_at, v.opened_at),
        status = case when v.ack_at is null then 'open' else 'acknowledged' end::rotation_task_status,
        acknowledged_at = v.ack_at, acknowledged_by = v.ack_by, sequence = case when v.ack_at is null then 0 else 1 end
      from unnest(${sql.param(chunk.map((c) => c.id))}::uuid[], ${sql.param(chunk.map((c) => c.openedAt))}::timestamptz[],
                  ${sql.param(chunk.map((c) => c.ackAt))}::timestamptz[], ${sql.param(chunk.map((c) => c.ackBy))}::uuid[]) as v(id, opened_at, ack_at, ack_by)
      where t.id = v.id`);
  }
  if (awaiting) {
    const doneAt = at(nowMs - random.int(4, 30) * HOUR_MS);
    await db
      .update(rotationTasks)
      .set({ status: "awaiting_approval", completedAt: doneAt, completedBy: awaiting.assigneeId, completion: "manual", note: NOTES[0], sequence: 2, updatedAt: doneAt })
      .where(eq(rotationTasks.id, awaiting.id));
  }
  if (skipped) {
    // Skipped a day after it fell due, by its assignee — or, when its policy needs a sign-off, by a
    // second person (an admin), as the app enforces.
    const skippedAt = at(Math.min(skipped.dueAt.getTime() + DAY_MS, nowMs - HOUR_MS));
    const admin = ADMINS.map((key) => args.personId(key)).find((id) => id !== skipped.assigneeId) ?? null;
    await db
      .update(rotationTasks)
      .set({
        status: "skipped",
        skippedReason: "Being replaced by OIDC federation this sprint (PLAT-2211); rotating the old key now would only add a deploy.",
        skippedAt,
        skippedBy: skipped.requiresApproval ? admin : skipped.assigneeId,
        acknowledgedAt: null,
        acknowledgedBy: null,
        sequence: 1,
        updatedAt: skippedAt,
      })
      .where(eq(rotationTasks.id, skipped.id));
  }
}
