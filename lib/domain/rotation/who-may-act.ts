// Who may take a step on a rotation task. The assignee (or an admin) acknowledges, marks done and
// skips. Two steps are a second person's decision (lib/domain/rotation/sign-off.ts): the sign-off
// of a manual done, and the skip of a task whose policy requires sign-off — only the people the
// task's sign-off names may take them, so nobody closes their own rotation unreviewed. Pure.
import { namesOf, type SignOff } from "@/lib/domain/rotation/sign-off";
import type { TaskAction } from "@/lib/domain/rotation/transitions";

export type ActingAs = "assignee" | "approver" | "admin";
export type Permit = { ok: true; as: ActingAs } | { ok: false; message: string };

export type TaskParties = {
  requiresApproval: boolean;
  assigneeId: string | null;
  approver: { id: string; name: string } | null;
  completedBy: string | null;
  signOff: SignOff;
};

const VERB: Record<TaskAction, string> = { acknowledge: "acknowledge", done: "mark done", skip: "skip", approve: "approve" };

export function mayAct(action: TaskAction, task: TaskParties, actor: { id: string; manager: boolean }): Permit {
  if (action === "approve" || (action === "skip" && task.requiresApproval)) return secondPerson(action, task, actor);
  if (task.assigneeId === actor.id) return { ok: true, as: "assignee" };
  if (actor.manager) return { ok: true, as: "admin" };
  const whose = task.assigneeId ? "someone else" : "nobody yet (a gap)";
  return { ok: false, message: `This task is assigned to ${whose}; only its assignee or an admin can ${VERB[action]} it` };
}

function secondPerson(action: "approve" | "skip", task: TaskParties, actor: { id: string }): Permit {
  const { signOff, approver } = task;
  if (signOff.signers.some((s) => s.id === actor.id)) {
    return { ok: true, as: signOff.by === "approver" && approver?.id === actor.id ? "approver" : "admin" };
  }
  const who = signOff.signers.length
    ? `${namesOf(signOff.signers)} ${signOff.signers.length > 1 ? "are" : "is"} the second person here`
    : "Nobody else can: no admin is left who is not involved in it. Give the secret an approver who is not its operator";
  const what = action === "approve" ? "sign off this rotation" : "skip a rotation that needs sign-off";
  if (actor.id === task.completedBy) return { ok: false, message: `You marked this rotation done, so you cannot also sign it off. ${who}.` };
  if (actor.id === task.assigneeId) return { ok: false, message: `This task is yours, so you cannot ${what} by yourself. ${who}.` };
  if (approver?.id === actor.id && signOff.conflict) {
    return { ok: false, message: `You are both this secret's approver and its operator, so your decision would not be a second person's. ${who}.` };
  }
  return { ok: false, message: `Only this secret's approver or an admin, and not whoever did the work, can ${what}. ${who}.` };
}
