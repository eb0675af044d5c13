import { describe, expect, it } from "vitest";
import { signOffOf } from "@/lib/domain/rotation/sign-off";
import { mayAct } from "@/lib/domain/rotation/who-may-act";

const abe = { id: "abe", name: "Abe Approver" };
const olga = { id: "olga", name: "Olga Operator" };
const sam = { id: "sam", name: "Sam Okafor" };
const arjun = { id: "arjun", name: "Arjun Mehta" };

function task({ approver = abe, operator = olga, completedBy = null as string | null, requiresApproval = true } = {}) {
  const signOff = signOffOf({ approver: approver && { ...approver, active: true }, operatorId: operator.id, assigneeId: operator.id, completedBy, admins: [arjun, sam] });
  return { requiresApproval, assigneeId: operator.id, approver, completedBy, signOff };
}
const as = (person: { id: string }, manager = false) => ({ id: person.id, manager });

describe("mayAct", () => {
  it("lets the assignee or an admin acknowledge, mark done and skip a task that needs no sign-off", () => {
    for (const action of ["acknowledge", "done", "skip"] as const) {
      expect(mayAct(action, task({ requiresApproval: false }), as(olga))).toEqual({ ok: true, as: "assignee" });
      expect(mayAct(action, task({ requiresApproval: false }), as(sam, true))).toEqual({ ok: true, as: "admin" });
      expect(mayAct(action, task({ requiresApproval: false }), as(abe))).toMatchObject({ ok: false, message: expect.stringContaining("assigned to someone else") });
    }
  });

  it("never lets whoever marked it done sign it off, admin or not", () => {
    expect(mayAct("approve", task({ completedBy: olga.id }), as(olga))).toMatchObject({ ok: false, message: expect.stringMatching(/^You marked this rotation done.*Abe Approver, Arjun Mehta or Sam Okafor are the second person here/) });
    expect(mayAct("approve", task({ completedBy: sam.id }), as(sam, true))).toMatchObject({ ok: false, message: expect.stringContaining("You marked this rotation done") });
    expect(mayAct("approve", task({ completedBy: olga.id }), as(abe))).toEqual({ ok: true, as: "approver" });
    expect(mayAct("approve", task({ completedBy: olga.id }), as(arjun, true))).toEqual({ ok: true, as: "admin" });
  });

  it("refuses an approver who is also the operator, naming the admins who sign off instead", () => {
    const conflicted = task({ approver: olga, completedBy: sam.id });
    expect(mayAct("approve", conflicted, as(olga))).toMatchObject({ ok: false, message: expect.stringContaining("Arjun Mehta is the second person here") });
    expect(mayAct("approve", conflicted, as(arjun, true))).toEqual({ ok: true, as: "admin" });
  });

  it("makes the skip of a task that needs sign-off a second person's decision", () => {
    expect(mayAct("skip", task(), as(olga))).toMatchObject({ ok: false, message: expect.stringContaining("This task is yours, so you cannot skip a rotation that needs sign-off by yourself") });
    expect(mayAct("skip", task(), as(abe))).toEqual({ ok: true, as: "approver" });
    expect(mayAct("skip", task(), as(sam, true))).toEqual({ ok: true, as: "admin" });
    expect(mayAct("skip", task({ approver: olga }), as(olga))).toMatchObject({ ok: false });
  });

  it("says so when nobody is left to sign off", () => {
    const lone = { ...task({ approver: sam, operator: sam, completedBy: sam.id }), signOff: { by: "admin" as const, conflict: "approver_did_it" as const, signers: [] } };
    expect(mayAct("approve", lone, as(sam, true))).toMatchObject({ ok: false, message: expect.stringContaining("Nobody else can") });
  });
});
