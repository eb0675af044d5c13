import { describe, expect, it } from "vitest";
import { DEFAULT_POLICIES, resolvePolicy } from "@/lib/domain/rotation/policy";
import { computeDue, DAY_MS, dueBasisOf, isOverdue, pickAssignee, planScheduledTask, type ActiveTask, type RotationFacts } from "@/lib/domain/rotation/schedule";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const facts = (over: Partial<RotationFacts> = {}): RotationFacts => ({
  lastRotatedAt: null,
  lastRecordedAt: null,
  createdInSourceAt: null,
  registeredAt: d("2026-01-01"),
  lastSkip: null,
  ...over,
});
const tier2prod = resolvePolicy({ secret: { tier: 2, environment: "prod", lifetime: "static" }, policies: DEFAULT_POLICIES });
const roles = { operatorId: "op", approverId: "ap" };

describe("due dates", () => {
  it("counts from the last rotation (store or recorded, the later), else creation in the store, else registration", () => {
    expect(dueBasisOf(facts({ lastRotatedAt: d("2026-03-01"), lastRecordedAt: d("2026-04-01"), createdInSourceAt: d("2025-01-01") }))).toEqual({ basis: "last_rotated", at: d("2026-04-01"), followsTaskId: null });
    expect(dueBasisOf(facts({ lastRotatedAt: d("2026-03-01") }))).toEqual({ basis: "last_rotated", at: d("2026-03-01"), followsTaskId: null });
    expect(dueBasisOf(facts({ createdInSourceAt: d("2025-06-01") }))).toEqual({ basis: "created_in_source", at: d("2025-06-01"), followsTaskId: null });
    expect(dueBasisOf(facts())).toEqual({ basis: "registered", at: d("2026-01-01"), followsTaskId: null });
  });

  it("due = basis + interval, grace_until = due + grace", () => {
    expect(computeDue(facts({ lastRotatedAt: d("2026-01-01") }), { intervalDays: 90, graceDays: 7 })).toEqual({
      dueBasis: "last_rotated",
      basisAt: d("2026-01-01"),
      dueAt: d("2026-04-01"),
      graceUntil: d("2026-04-08"),
      followsTaskId: null,
    });
  });

  it("counts from a skip until the secret is rotated after it, so a skipped overdue task never returns already overdue", () => {
    const now = new Date();
    const ago = (days: number) => new Date(now.getTime() - days * DAY_MS);
    // Rotated 295 days ago under a 180-day policy: 115 days overdue when skipped, yesterday.
    const skipped = facts({ lastRotatedAt: ago(295), lastSkip: { at: ago(1), taskId: "s" } });
    expect(computeDue(skipped, { intervalDays: 180, graceDays: 14 })).toMatchObject({ dueBasis: "skipped", basisAt: ago(1), dueAt: new Date(ago(1).getTime() + 180 * DAY_MS), followsTaskId: "s" });
    // Any policy counts from the skip, never from the rotation before it.
    expect(computeDue(skipped, { intervalDays: 30, graceDays: 3 }).dueAt).toEqual(new Date(ago(1).getTime() + 30 * DAY_MS));
    expect(planScheduledTask({ policy: tier2prod, facts: skipped, roles, active: null, leadDays: 14, now })).toBeNull();
    // A rotation after the skip is the basis again.
    expect(dueBasisOf(facts({ lastRotatedAt: ago(0.5), lastSkip: { at: ago(1), taskId: "s" } }))).toEqual({ basis: "last_rotated", at: ago(0.5), followsTaskId: null });
    expect(dueBasisOf(facts({ createdInSourceAt: ago(400), lastSkip: { at: ago(1), taskId: "s" } })).basis).toBe("skipped");
  });

  it("is overdue once past due unless done or skipped", () => {
    const dueAt = d("2026-04-01");
    expect(isOverdue({ status: "open", dueAt }, d("2026-04-02"))).toBe(true);
    expect(isOverdue({ status: "awaiting_approval", dueAt }, d("2026-04-02"))).toBe(true);
    expect(isOverdue({ status: "open", dueAt }, d("2026-04-01"))).toBe(false);
    expect(isOverdue({ status: "done", dueAt }, d("2026-05-01"))).toBe(false);
    expect(isOverdue({ status: "skipped", dueAt }, d("2026-05-01"))).toBe(false);
  });

  it("assigns the operator, else the approver, else nobody (a gap)", () => {
    expect(pickAssignee(roles)).toEqual({ assigneeId: "op", assigneeRole: "operator" });
    expect(pickAssignee({ operatorId: null, approverId: "ap" })).toEqual({ assigneeId: "ap", assigneeRole: "approver" });
    expect(pickAssignee({ operatorId: null, approverId: null })).toEqual({ assigneeId: null, assigneeRole: null });
  });
});

describe("planScheduledTask", () => {
  const rotated = facts({ lastRotatedAt: d("2026-01-01") }); // due 2026-06-30 under tier 2 prod (180 days)
  const base = { policy: tier2prod, facts: rotated, roles, active: null, leadDays: 14 };

  it("opens a task only once the due date is within the lead days", () => {
    expect(planScheduledTask({ ...base, now: d("2026-06-15") })).toBeNull();
    expect(planScheduledTask({ ...base, now: d("2026-06-16") })).toMatchObject({ type: "open", dueAt: d("2026-06-30"), assigneeId: "op", assigneeRole: "operator", requiresApproval: false, dueBasis: "last_rotated" });
    expect(planScheduledTask({ ...base, now: d("2027-01-01") })).toMatchObject({ type: "open" });
  });

  it("opens nothing for an exempt secret, and closes its open task", () => {
    const exempt = resolvePolicy({ secret: { tier: 2, environment: "prod", lifetime: "short_lived" }, policies: DEFAULT_POLICIES });
    expect(planScheduledTask({ ...base, policy: exempt, now: d("2027-01-01") })).toBeNull();
    const active: ActiveTask = { id: "t", kind: "scheduled", status: "open", dueAt: d("2026-06-30"), graceUntil: d("2026-07-14"), dueBasis: "last_rotated", basisAt: d("2026-01-01"), assigneeId: "op", assigneeRole: "operator", requiresApproval: false, openedVia: "daily_job", acknowledgedAt: null };
    expect(planScheduledTask({ ...base, policy: exempt, active, now: d("2026-06-20") })).toMatchObject({ type: "exempt", taskId: "t" });
  });

  it("moves an open task's dates when the policy changes, and hands it to a new operator (re-opening an acknowledged one)", () => {
    const active: ActiveTask = { id: "t", kind: "scheduled", status: "acknowledged", dueAt: d("2026-06-30"), graceUntil: d("2026-07-14"), dueBasis: "last_rotated", basisAt: d("2026-01-01"), assigneeId: "op", assigneeRole: "operator", requiresApproval: false, openedVia: "daily_job", acknowledgedAt: null };
    expect(planScheduledTask({ ...base, active, now: d("2026-06-20") })).toBeNull();
    const tightened = { ...tier2prod, intervalDays: 90, graceDays: 7, requiresApproval: true, openedVia: "daily_job", acknowledgedAt: null };
    expect(planScheduledTask({ ...base, policy: tightened, active, now: d("2026-06-20") })).toEqual({
      type: "update",
      taskId: "t",
      changes: { dueAt: d("2026-04-01"), graceUntil: d("2026-04-08"), requiresApproval: true },
    });
    expect(planScheduledTask({ ...base, roles: { operatorId: "new", approverId: "ap" }, active, now: d("2026-06-20") })).toEqual({
      type: "update",
      taskId: "t",
      changes: { assigneeId: "new", assigneeRole: "operator", reopen: true },
    });
  });

  it("withdraws an untouched task a change opened once a later change takes it past the lead time; keeps the daily job's and acknowledged ones", () => {
    const now = new Date();
    const rotatedAgo = facts({ lastRotatedAt: new Date(now.getTime() - 100 * DAY_MS) }); // due in 80 days at 180
    const opened: ActiveTask = { id: "t", kind: "scheduled", status: "open", dueAt: new Date(now.getTime() + 20 * DAY_MS), graceUntil: new Date(now.getTime() + 34 * DAY_MS), dueBasis: "last_rotated", basisAt: rotatedAgo.lastRotatedAt, assigneeId: "op", assigneeRole: "operator", requiresApproval: false, openedVia: "policy_change", acknowledgedAt: null };
    const plan = (active: ActiveTask) => planScheduledTask({ policy: tier2prod, facts: rotatedAgo, roles, active, leadDays: 14, now });
    expect(plan(opened)).toEqual({ type: "withdraw", taskId: "t" });
    expect(plan({ ...opened, openedVia: "daily_job" })).toMatchObject({ type: "update" });
    expect(plan({ ...opened, openedVia: null })).toMatchObject({ type: "update" });
    expect(plan({ ...opened, status: "acknowledged", acknowledgedAt: now })).toMatchObject({ type: "update" });
    const shorter = { ...tier2prod, intervalDays: 110 };
    expect(planScheduledTask({ policy: shorter, facts: rotatedAgo, roles, active: opened, leadDays: 14, now })).toMatchObject({ type: "update" });
  });

  it("leaves a task waiting for sign-off alone", () => {
    const active: ActiveTask = { id: "t", kind: "scheduled", status: "awaiting_approval", dueAt: d("2026-06-30"), graceUntil: d("2026-07-14"), dueBasis: "last_rotated", basisAt: d("2026-01-01"), assigneeId: "op", assigneeRole: "operator", requiresApproval: true, openedVia: "daily_job", acknowledgedAt: null };
    expect(planScheduledTask({ ...base, roles: { operatorId: null, approverId: null }, active, now: d("2026-06-20") })).toBeNull();
  });
});
