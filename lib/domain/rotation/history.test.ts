import { describe, expect, it } from "vitest";
import { taskHistory, type TaskFacts } from "@/lib/domain/rotation/history";

const sam = { id: "sam", name: "Sam Okafor" };
const olga = { id: "olga", name: "Olga Operator" };
const at = (minutes: number) => new Date(Date.now() - (1000 - minutes) * 60_000).toISOString();
const base: TaskFacts = {
  kind: "scheduled", reason: null, status: "open", openedAt: at(0), dueBasis: "last_rotated", basisAt: null, openedVia: null, openedBy: null,
  acknowledgedAt: null, acknowledgedBy: null, completedAt: null, completedBy: null, completion: null, note: null,
  approvedAt: null, approvedBy: null, approver: null, skippedAt: null, skippedBy: null, skippedReason: null, updatedAt: at(0), signOff: null,
};
const rows = (steps: ReturnType<typeof taskHistory>) => steps.map((s) => [s.step, s.actor, s.text]);

describe("taskHistory", () => {
  it("says who opened a rotate-now task and why, and each reason added later, from the events", () => {
    const task = { ...base, kind: "rotate_now" as const, reason: "Offboarding of Dana; Leak in #eng" };
    const events = [
      { at: at(0), rawAction: "rotation.rotate_now", actor: "sam@x.test", person: sam, detail: { reason: "Offboarding of Dana", created: true } },
      { at: at(5), rawAction: "rotation.rotate_now", actor: "sam@x.test", person: sam, detail: { reason: "Leak in #eng", created: false } },
      { at: at(9), rawAction: "rotation.acknowledge", actor: "gone@x.test", person: null, detail: { as: "assignee" } },
    ];
    expect(rows(taskHistory(task, events))).toEqual([
      ["opened", "Sam Okafor", "Offboarding of Dana"],
      ["reason_added", "Sam Okafor", "Leak in #eng"],
      ["acknowledged", "gone@x.test", null],
    ]);
  });

  it("tells a store's confirmation and an exemption apart from a person's step", () => {
    const confirmed = { ...base, status: "done", completedAt: at(30), completion: "auto" as const };
    const events = [{ at: at(30), rawAction: "rotation.auto_confirm", actor: "keyledger:system", person: null, detail: { confirmedBy: "version" } }];
    expect(taskHistory(confirmed, events).at(-1)).toMatchObject({ step: "done", by: null, actor: "Keyledger", how: "auto", text: "the store shows a newer version" });
    const exempt = { ...base, status: "skipped", completion: "auto" as const, skippedAt: at(40), skippedReason: "Exempt from rotation: short-lived" };
    expect(taskHistory(exempt, []).at(-1)).toMatchObject({ step: "skipped", by: null, actor: "Keyledger", how: "auto", text: "Exempt from rotation: short-lived" });
  });

  it("says why a scheduled task exists: the daily job, a change and who made it, or the skip it comes after", () => {
    const opened = (task: TaskFacts) => taskHistory(task, [])[0];
    expect(opened({ ...base, openedVia: "daily_job" })).toMatchObject({ actor: "Keyledger", by: null, via: "daily_job", text: "Due by the rotation policy, counted from its last rotation" });
    expect(opened({ ...base, openedVia: "policy_change", openedBy: sam })).toMatchObject({ actor: "Sam Okafor", by: sam, via: "policy_change" });
    const skippedAt = at(-60 * 24 * 3);
    const afterSkip = { ...base, dueBasis: "skipped", basisAt: skippedAt, follows: { skippedAt, skippedBy: olga } };
    expect(opened(afterSkip)?.text).toBe(`Next after the skip on ${skippedAt.slice(0, 10)} by Olga Operator: due one policy interval after the skip, not counted from the rotation before it`);
    const gone = { ...base, status: "skipped", completion: "auto" as const, skippedAt: at(50), skippedReason: "Gone from the store: AWS has not reported this secret since 2026-01-01" };
    expect(taskHistory(gone, []).at(-1)).toMatchObject({ step: "skipped", actor: "Keyledger", how: "auto", text: gone.skippedReason });
  });

  it("falls back to the row for a task older than its events, and ends with who may sign off", () => {
    const task: TaskFacts = {
      ...base, status: "awaiting_approval", acknowledgedAt: at(10), acknowledgedBy: olga, completedAt: at(20), completedBy: olga, completion: "manual", note: "Rotated",
      signOff: { by: "admin", conflict: "approver_is_operator", signers: [sam] },
    };
    const steps = taskHistory(task, []);
    expect(rows(steps)).toEqual([
      ["opened", "Keyledger", "Due by the rotation policy, counted from its last rotation"],
      ["acknowledged", "Olga Operator", null],
      ["done", "Olga Operator", "Rotated"],
      ["waiting", "", null],
    ]);
    expect(steps.at(-1)?.waitingFor).toEqual([sam]);
  });
});
