import { describe, expect, it } from "vitest";
import { buildDigests, isDigestDue } from "@/lib/domain/reminders/build-digests";
import type { ReminderPerson, ReminderTask } from "@/lib/domain/reminders/types";

const priya: ReminderPerson = { id: "p-1", name: "Priya Shah", email: "priya@example.test", active: true };
const dana: ReminderPerson = { id: "p-2", name: "Dana Ruiz", email: "dana@example.test", active: true };
const maya: ReminderPerson = { id: "p-3", name: "Maya Chen", email: "maya@example.test", active: true };
const TODAY = "2026-05-12";
const at = (day: string) => new Date(`${day}T09:00:00Z`);

let n = 0;
function task(overrides: Partial<ReminderTask> & { due: string }): ReminderTask {
  const { due, ...rest } = overrides;
  return {
    id: `t-${++n}`,
    secretName: `secret-${n}`,
    environment: "prod",
    tier: 1,
    kind: "scheduled",
    reason: null,
    status: "open",
    dueAt: at(due),
    graceUntil: at(due),
    openedAt: at("2026-04-20"),
    updatedAt: at("2026-04-20"),
    assignee: priya,
    approver: maya,
    signers: [maya],
    signOffNote: null,
    ...rest,
  };
}

const digestFor = (person: ReminderPerson, tasks: ReminderTask[], escalateAfterDays = 3, today = TODAY) =>
  buildDigests({ tasks, today, escalateAfterDays }).find((d) => d.recipient.id === person.id);

describe("buildDigests", () => {
  it("lists each task once, in the tightest bucket, most urgent first; leaves out what is due past 14 days", () => {
    const digest = digestFor(priya, [
      task({ due: "2026-05-26", secretName: "in-14" }),
      task({ due: "2026-05-27", secretName: "in-15" }),
      task({ due: "2026-05-13", secretName: "tomorrow" }),
      task({ due: "2026-05-09", secretName: "late" }),
      task({ due: "2026-05-19", secretName: "in-7", status: "acknowledged" }),
    ])!;
    expect(digest.items.map((i) => [i.secretName, i.bucket, i.daysLeft])).toEqual([
      ["late", "overdue", -3],
      ["tomorrow", "due_1", 1],
      ["in-7", "due_7", 7],
      ["in-14", "due_14", 14],
    ]);
  });

  it("escalates a task overdue by escalate_after_days to the approver, naming the operator", () => {
    const digests = buildDigests({ tasks: [task({ due: "2026-05-07", assignee: dana, secretName: "db/orders" }), task({ due: "2026-05-10", assignee: dana })], today: TODAY, escalateAfterDays: 3 });
    const approver = digests.find((d) => d.recipient.id === maya.id)!;
    expect(approver.items).toEqual([]);
    expect(approver.escalations).toMatchObject([{ secretName: "db/orders", daysOverdue: 5, assignee: { name: "Dana Ruiz" }, remindedOn: "2026-05-10" }]);
    expect(digests.find((d) => d.recipient.id === dana.id)!.items).toHaveLength(2);
  });

  it("does not escalate to an approver who is the assignee, nor a task awaiting sign-off", () => {
    expect(digestFor(maya, [task({ due: "2026-05-01", assignee: maya })])!.escalations).toEqual([]);
    const signOff = digestFor(maya, [task({ due: "2026-05-01", status: "awaiting_approval", updatedAt: at("2026-05-11") })])!;
    expect(signOff.escalations).toEqual([]);
    expect(signOff.items).toMatchObject([{ role: "sign_off", remindedOn: "2026-05-11" }]);
  });

  it("sends a task awaiting sign-off to the approver, not back to the operator", () => {
    const tasks = [task({ due: "2026-05-20", status: "awaiting_approval" })];
    expect(digestFor(priya, tasks)).toBeUndefined();
    expect(digestFor(maya, tasks)!.items).toHaveLength(1);
  });

  it("sends a sign-off to whoever it falls to: the admins who did none of it when the approver is in conflict, saying why", () => {
    const sam: ReminderPerson = { id: "p-4", name: "Sam Okafor", email: "sam@example.test", active: true };
    const note = "Maya Chen is both this secret's approver and its operator";
    const tasks = [task({ due: "2026-05-20", status: "awaiting_approval", assignee: maya, signers: [sam, { ...dana, active: false }], signOffNote: note })];
    expect(digestFor(maya, tasks)).toBeUndefined();
    expect(digestFor(dana, tasks)).toBeUndefined();
    expect(digestFor(sam, tasks)!.items).toMatchObject([{ role: "sign_off", signOffNote: note }]);
  });

  it("skips offboarded recipients but still escalates an offboarded operator's task", () => {
    const gone = { ...dana, active: false };
    const digests = buildDigests({ tasks: [task({ due: "2026-05-01", assignee: gone })], today: TODAY, escalateAfterDays: 3 });
    expect(digests.map((d) => d.recipient.id)).toEqual([maya.id]);
    expect(digests[0]!.escalations[0]!.assignee).toMatchObject({ name: "Dana Ruiz", active: false });
  });

  it("escalates a task nobody is assigned to", () => {
    expect(digestFor(maya, [task({ due: "2026-05-01", assignee: null })])!.escalations[0]!.assignee).toBeNull();
  });
});

describe("isDigestDue", () => {
  const upcoming = [task({ due: "2026-05-19" })]; // 7 days out today: news today

  it("is due when something became news after the last digest on that channel", () => {
    const digest = digestFor(priya, upcoming)!;
    expect(isDigestDue(digest, null)).toBe(true);
    expect(isDigestDue(digest, "2026-05-11")).toBe(true);
    expect(isDigestDue(digest, "2026-05-12")).toBe(false);
  });

  it("is not due the next days for the same upcoming task, and catches up after a missed day", () => {
    const tomorrow = digestFor(priya, upcoming, 3, "2026-05-13")!;
    expect(isDigestDue(tomorrow, "2026-05-12")).toBe(false);
    // The last digest went out on the 10th, the worker missed the 12th: the 7-day mark is still news.
    expect(isDigestDue(tomorrow, "2026-05-10")).toBe(true);
  });

  it("is due for an approver on the day an escalation starts", () => {
    const tasks = [task({ due: "2026-05-09", assignee: dana })];
    expect(digestFor(maya, tasks, 3, "2026-05-11")).toBeUndefined(); // 2 days overdue: not yet
    expect(isDigestDue(digestFor(maya, tasks, 3, "2026-05-12")!, "2026-05-11")).toBe(true);
  });
});
