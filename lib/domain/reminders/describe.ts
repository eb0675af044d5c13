// The words a reminder uses, shared by the e-mail and the Slack message so both say the same.
import { BUCKETS, type Bucket, type Digest, type DigestItem, type Escalation } from "@/lib/domain/reminders/types";

export const BUCKET_TITLES: Record<Bucket, string> = {
  overdue: "Overdue",
  due_1: "Due within 1 day",
  due_7: "Due within 7 days",
  due_14: "Due within 14 days",
};

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "prod · tier 1"; unknown fields say so (unknown is shown, never hidden). */
export function describeSecret(x: { environment: string | null; tier: number | null }): string {
  return `${x.environment ?? "unknown environment"} · ${x.tier ? `tier ${x.tier}` : "unknown tier"}`;
}

/** "due tomorrow (2026-05-13)", "3 days overdue (due 2026-05-09), out of policy since 2026-05-11". */
export function describeDue(item: DigestItem, today: string): string {
  if (item.daysLeft === 0) return `due today (${item.dueOn})`;
  if (item.daysLeft === 1) return `due tomorrow (${item.dueOn})`;
  if (item.daysLeft > 1) return `due ${item.dueOn}, in ${item.daysLeft} days`;
  const late = `${plural(-item.daysLeft, "day")} overdue (due ${item.dueOn})`;
  return item.graceUntil < today ? `${late}, out of policy since ${item.graceUntil}` : `${late}, within grace until ${item.graceUntil}`;
}

/** What else the reader must know about an item: whose move it is, why it exists. */
export function describeNotes(item: DigestItem): string[] {
  const notes: string[] = [];
  if (item.role === "sign_off") notes.push(item.signOffNote ? `marked done — needs your sign-off: ${item.signOffNote}` : "done by the operator — needs your sign-off");
  else if (item.status === "acknowledged") notes.push("acknowledged");
  if (item.kind === "rotate_now") notes.push(item.reason ? `rotate now: ${item.reason}` : "rotate now");
  return notes;
}

/** "Dana Ruiz has not rotated db/orders (prod · tier 1), 5 days overdue". */
export function describeEscalation(e: Escalation): string {
  const who = e.assignee ? `${e.assignee.name}${e.assignee.active ? "" : " (offboarded)"} has not rotated` : "Nobody is assigned to rotate";
  return `${who} ${e.secretName} (${describeSecret(e)}), ${plural(e.daysOverdue, "day")} overdue`;
}

export function itemsByBucket(digest: Digest): [Bucket, DigestItem[]][] {
  return BUCKETS.map((b) => [b, digest.items.filter((i) => i.bucket === b)] as [Bucket, DigestItem[]]).filter(([, items]) => items.length > 0);
}

/** "1 escalation, 2 rotations overdue, 1 due within a day, 3 due within 14 days". */
export function summarize(digest: Digest): string {
  const count = (...buckets: Bucket[]) => digest.items.filter((i) => buckets.includes(i.bucket)).length;
  const [overdue, soon, later] = [count("overdue"), count("due_1"), count("due_7", "due_14")];
  const parts = [
    digest.escalations.length ? plural(digest.escalations.length, "escalation") : null,
    overdue ? `${plural(overdue, "rotation")} overdue` : null,
    soon ? `${overdue ? soon : plural(soon, "rotation")} due within a day` : null,
    later ? `${overdue || soon ? later : plural(later, "rotation")} due within 14 days` : null,
  ].filter(Boolean);
  return parts.join(", ");
}

export function subjectOf(digest: Digest): string {
  return `[Keyledger] ${summarize(digest)}`;
}
