// Separation of duties in a rotation's sign-off (docs/security.md). The sign-off of a task whose
// policy requires it — and the decision to skip such a task — is a second person's: never the
// person the task is assigned to, never the secret's operator, never whoever marked it done. The
// secret's approver signs off unless they are one of those (approver = operator is the conflict the
// ownership matrix flags); then the policy names the next in line: any active admin who is none of
// them. The conflict stays on the task for everyone to see. Pure.

export type Someone = { id: string; name: string };

/** Why the approver's own sign-off would not be a second person's. */
export type SignOffConflict = "approver_did_it" | "approver_is_operator" | "approver_is_assignee";

export type SignOff = {
  /** Who the sign-off falls to: the secret's approver, or (no approver, an offboarded one, a conflict) an admin. */
  by: "approver" | "admin";
  conflict: SignOffConflict | null;
  /** Everyone who may sign it off now (and, before then, skip it), the approver first. */
  signers: Someone[];
};

export type SignOffFacts = {
  approver: (Someone & { active: boolean }) | null;
  /** The secret's operator now. */
  operatorId: string | null;
  assigneeId: string | null;
  /** Whoever marked it done by hand (null before, or when the store confirmed it). */
  completedBy: string | null;
  /** Active people whose role may manage rotation, by name. */
  admins: readonly Someone[];
};

export function signOffOf(facts: SignOffFacts): SignOff {
  const { approver, operatorId, assigneeId, completedBy, admins } = facts;
  // The standing conflict (the one the ownership matrix shows) first, then what happened on this task.
  const conflict: SignOffConflict | null = !approver
    ? null
    : approver.id === operatorId
      ? "approver_is_operator"
      : approver.id === completedBy
        ? "approver_did_it"
        : approver.id === assigneeId
          ? "approver_is_assignee"
          : null;
  const involved = new Set([operatorId, assigneeId, completedBy].filter((id): id is string => id !== null));
  const approverSigns = approver !== null && approver.active && conflict === null;
  const others = admins.filter((admin) => !involved.has(admin.id) && admin.id !== approver?.id);
  return {
    by: approverSigns ? "approver" : "admin",
    conflict,
    signers: approverSigns ? [{ id: approver.id, name: approver.name }, ...others] : others,
  };
}

/** "Sam Okafor", "Sam Okafor or Arjun Mehta", "Sam Okafor, Arjun Mehta or Ines Moreau (or 2 more)". */
export function namesOf(people: readonly Someone[], max = 3): string {
  const names = people.slice(0, max).map((p) => p.name);
  const more = people.length - names.length;
  const listed = names.length > 1 ? `${names.slice(0, -1).join(", ")} or ${names.at(-1)}` : (names[0] ?? "");
  return more > 0 ? `${listed} (or ${more} more)` : listed;
}

const CONFLICT_WORDS: Record<SignOffConflict, (approver: string) => string> = {
  approver_did_it: (name) => `${name}, the approver, marked it done`,
  approver_is_operator: (name) => `${name} is both this secret's approver and its operator`,
  approver_is_assignee: (name) => `${name} is this secret's approver and was assigned the task (it has no operator)`,
};

/** Why the approver does not sign off, in words: "Priya Raman is both this secret's approver and its operator". */
export function conflictWords(conflict: SignOffConflict, approverName: string): string {
  return CONFLICT_WORDS[conflict](approverName);
}
