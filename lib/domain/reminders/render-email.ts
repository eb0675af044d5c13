// A digest as an e-mail: a plain-text part and a simple, accessible HTML part (real headings and
// lists, inline styles, system fonts, no images, nothing fetched from anywhere).
import {
  BUCKET_TITLES,
  describeDue,
  describeEscalation,
  describeNotes,
  describeSecret,
  itemsByBucket,
  subjectOf,
  summarize,
} from "@/lib/domain/reminders/describe";
import type { ReminderLinks } from "@/lib/domain/reminders/links";
import { OVERDUE_EVERY_DAYS } from "@/lib/domain/reminders/schedule";
import type { Bucket, Digest, DigestItem, Escalation } from "@/lib/domain/reminders/types";

export type RenderedEmail = { subject: string; text: string; html: string; unsubscribeUrl: string; oneClickUrl: string };

const WHY = "You get this because rotation tasks in Keyledger are assigned to you, or you approve their secrets.";
const WHEN = `A digest comes when a rotation is 14, 7 or 1 day away, and every ${OVERDUE_EVERY_DAYS} days while one is overdue.`;
const ESCALATED = "Escalated to you as approver";

export function renderEmail({ digest, links }: { digest: Digest; links: ReminderLinks }): RenderedEmail {
  const unsubscribeUrl = links.unsubscribePage(digest.recipient.id, "email");
  const oneClickUrl = links.unsubscribeOneClick(digest.recipient.id, "email");
  return { subject: subjectOf(digest), text: renderText(digest, links, unsubscribeUrl), html: renderHtml(digest, links, unsubscribeUrl), unsubscribeUrl, oneClickUrl };
}

const firstName = (name: string) => name.trim().split(/\s+/)[0] ?? name;

function renderText(digest: Digest, links: ReminderLinks, unsubscribeUrl: string): string {
  const lines = [`Hi ${firstName(digest.recipient.name)},`, "", `Keyledger rotation reminders for ${digest.today}: ${summarize(digest)}.`];
  if (digest.escalations.length) {
    lines.push("", `${ESCALATED.toUpperCase()} (${digest.escalations.length})`);
    for (const e of digest.escalations) lines.push(`* ${describeEscalation(e)} (due ${e.dueOn})`, `  ${links.task(e.taskId)}`);
  }
  for (const [bucket, items] of itemsByBucket(digest)) {
    lines.push("", `${BUCKET_TITLES[bucket].toUpperCase()} (${items.length})`);
    for (const item of items) {
      const notes = describeNotes(item);
      lines.push(`* ${item.secretName} (${describeSecret(item)}): ${describeDue(item, digest.today)}${notes.length ? ` — ${notes.join("; ")}` : ""}`, `  ${links.task(item.taskId)}`);
    }
  }
  lines.push("", `Your rotation calendar: ${links.calendar}`, "", "-- ", WHY, WHEN, `Stop e-mail reminders: ${unsubscribeUrl}`, "");
  return lines.join("\n");
}

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

const FONT = "-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";
// Heading colours keep at least 4.5:1 contrast on white.
const TONE: Record<Bucket | "escalated", string> = { escalated: "#991b1b", overdue: "#b91c1c", due_1: "#b45309", due_7: "#1e3a8a", due_14: "#334155" };
const link = (href: string, text: string) => `<a href="${escapeHtml(href)}" style="color:#1d4ed8;font-weight:600">${escapeHtml(text)}</a>`;
const muted = (text: string) => `<span style="color:#475569">${escapeHtml(text)}</span>`;

function section(title: string, tone: string, items: string[]): string {
  return (
    `<h2 style="font-size:16px;margin:24px 0 8px;color:${tone};border-bottom:2px solid ${tone};padding-bottom:4px">${escapeHtml(title)} (${items.length})</h2>` +
    `<ul style="margin:0;padding-left:20px">${items.map((i) => `<li style="margin:0 0 12px">${i}</li>`).join("")}</ul>`
  );
}

function itemHtml(item: DigestItem, digest: Digest, links: ReminderLinks): string {
  const notes = describeNotes(item);
  return `${link(links.task(item.taskId), item.secretName)} ${muted(`(${describeSecret(item)})`)}<br>${escapeHtml(describeDue(item, digest.today))}${
    notes.length ? `<br><em>${escapeHtml(notes.join("; "))}</em>` : ""
  }`;
}

function escalationHtml(e: Escalation, links: ReminderLinks): string {
  const who = e.assignee ? `<strong>${escapeHtml(e.assignee.name)}</strong>${e.assignee.active ? "" : " (offboarded)"} has not rotated` : "<strong>Nobody</strong> is assigned to rotate";
  return `${who} ${link(links.task(e.taskId), e.secretName)} ${muted(`(${describeSecret(e)})`)}, ${e.daysOverdue} day${e.daysOverdue === 1 ? "" : "s"} overdue (due ${e.dueOn})`;
}

function renderHtml(digest: Digest, links: ReminderLinks, unsubscribeUrl: string): string {
  const sections = [
    digest.escalations.length ? section(ESCALATED, TONE.escalated, digest.escalations.map((e) => escalationHtml(e, links))) : "",
    ...itemsByBucket(digest).map(([bucket, items]) => section(BUCKET_TITLES[bucket], TONE[bucket], items.map((i) => itemHtml(i, digest, links)))),
  ].join("");
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(subjectOf(digest))}</title></head>
<body style="margin:0;padding:24px 12px;background:#f1f5f9;color:#0f172a;font-family:${FONT};font-size:15px;line-height:1.5">
<main style="max-width:600px;margin:0 auto;background:#ffffff;border:1px solid #cbd5e1;border-radius:8px;padding:24px">
<p style="margin:0 0 4px;font-size:13px;color:#475569">Keyledger · rotation reminders · ${escapeHtml(digest.today)}</p>
<h1 style="margin:0 0 8px;font-size:20px;line-height:1.3">Hi ${escapeHtml(firstName(digest.recipient.name))}: ${escapeHtml(summarize(digest))}</h1>
<p style="margin:0">Open a task to acknowledge it, mark it done, or skip it with a reason.</p>
${sections}
<p style="margin:24px 0 0">${link(links.calendar, "Open your rotation calendar")}</p>
<hr style="border:none;border-top:1px solid #cbd5e1;margin:24px 0 12px">
<footer style="font-size:13px;color:#475569"><p style="margin:0 0 4px">${escapeHtml(WHY)} ${escapeHtml(WHEN)}</p><p style="margin:0"><a href="${escapeHtml(unsubscribeUrl)}" style="color:#1d4ed8">Stop e-mail reminders</a></p></footer>
</main>
</body>
</html>
`;
}
