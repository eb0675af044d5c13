import { describe, expect, it } from "vitest";
import { namesOf, signOffOf } from "@/lib/domain/rotation/sign-off";

const abe = { id: "abe", name: "Abe Approver" };
const olga = { id: "olga", name: "Olga Operator" };
const sam = { id: "sam", name: "Sam Okafor" };
const arjun = { id: "arjun", name: "Arjun Mehta" };
const admins = [arjun, sam];
const facts = { approver: { ...abe, active: true }, operatorId: olga.id, assigneeId: olga.id, completedBy: null, admins };

describe("signOffOf", () => {
  it("names the approver first, then the admins, when the approver is a second person", () => {
    expect(signOffOf(facts)).toEqual({ by: "approver", conflict: null, signers: [abe, arjun, sam] });
    expect(signOffOf({ ...facts, completedBy: olga.id }).signers).toEqual([abe, arjun, sam]);
  });

  it("passes the sign-off to an admin when the approver is also the operator, and keeps the conflict", () => {
    const same = { ...facts, approver: { ...olga, active: true } };
    expect(signOffOf(same)).toEqual({ by: "admin", conflict: "approver_is_operator", signers: [arjun, sam] });
    expect(signOffOf({ ...same, completedBy: olga.id })).toMatchObject({ by: "admin", conflict: "approver_is_operator", signers: [arjun, sam] });
    expect(signOffOf({ ...facts, completedBy: abe.id })).toMatchObject({ by: "admin", conflict: "approver_did_it", signers: [arjun, sam] });
  });

  it("never names whoever marked it done, the assignee or the operator — admins included", () => {
    const samDidIt = { ...facts, approver: { ...sam, active: true }, completedBy: sam.id };
    expect(signOffOf(samDidIt)).toEqual({ by: "admin", conflict: "approver_did_it", signers: [arjun] });
    const samOperates = { ...facts, approver: { ...sam, active: true }, operatorId: sam.id, assigneeId: sam.id, completedBy: sam.id };
    expect(signOffOf(samOperates).signers).toEqual([arjun]);
    expect(signOffOf({ ...facts, assigneeId: arjun.id, completedBy: arjun.id }).signers).toEqual([abe, sam]);
  });

  it("flags an approver who was handed the task because there is no operator", () => {
    expect(signOffOf({ ...facts, operatorId: null, assigneeId: abe.id })).toEqual({ by: "admin", conflict: "approver_is_assignee", signers: [arjun, sam] });
  });

  it("falls to the admins without an approver, or with an offboarded one; none left is an empty list", () => {
    expect(signOffOf({ ...facts, approver: null })).toEqual({ by: "admin", conflict: null, signers: [arjun, sam] });
    expect(signOffOf({ ...facts, approver: { ...abe, active: false } })).toEqual({ by: "admin", conflict: null, signers: [arjun, sam] });
    expect(signOffOf({ ...facts, approver: { ...sam, active: true }, operatorId: sam.id, completedBy: sam.id, admins: [sam] }).signers).toEqual([]);
  });
});

describe("namesOf", () => {
  it("lists names with 'or', and says how many more", () => {
    expect(namesOf([sam])).toBe("Sam Okafor");
    expect(namesOf([sam, arjun])).toBe("Sam Okafor or Arjun Mehta");
    expect(namesOf([sam, arjun, abe, olga, { id: "x", name: "X" }])).toBe("Sam Okafor, Arjun Mehta or Abe Approver (or 2 more)");
  });
});
