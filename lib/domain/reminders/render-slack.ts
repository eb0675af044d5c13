// A digest as a Slack incoming-webhook message: `text` for notifications and clients without
// blocks, and Block Kit sections. The webhook posts to a shared channel and Keyledger does not
// know Slack user ids, so the person is named by name and e-mail.
import { BUCKET_TITLES, describeDue, describeEscalation, describeNotes, describeSecret, itemsByBucket, summarize } from "@/lib/domain/reminders/describe";
import type { ReminderLinks } from "@/lib/domain/reminders/links";
import type { Digest } from "@/lib/domain/reminders/types";

export type SlackBlock = Record<string, unknown>;
export type SlackMessage = { text: string; blocks: SlackBlock[] };

// Slack refuses a section whose text passes 3 000 characters.
const SECTION_LIMIT = 2_900;

/** Slack's three control characters in mrkdwn: &, <, >. */
const escapeSlack = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const slackLink = (url: string, text: string) => `<${url}|${escapeSlack(text).replace(/\|/g, "¦")}>`;

function section(title: string, lines: string[], more: (n: number) => string): SlackBlock {
  let text = `*${escapeSlack(title)}*`;
  let shown = 0;
  for (const line of lines) {
    const rest = lines.length - shown - 1;
    if (text.length + line.length + 1 + (rest ? 60 : 0) > SECTION_LIMIT) break;
    text += `\n${line}`;
    shown += 1;
  }
  if (shown < lines.length) text += `\n${more(lines.length - shown)}`;
  return { type: "section", text: { type: "mrkdwn", text } };
}

export function renderSlack({ digest, links }: { digest: Digest; links: ReminderLinks }): SlackMessage {
  const who = `${digest.recipient.name} (${digest.recipient.email})`;
  const more = (n: number) => `…and ${n} more: ${slackLink(links.calendar, "open the rotation calendar")}`;
  const blocks: SlackBlock[] = [
    { type: "header", text: { type: "plain_text", text: `Rotation reminders for ${digest.recipient.name}`.slice(0, 150), emoji: false } },
    { type: "section", text: { type: "mrkdwn", text: `*${escapeSlack(who)}* — ${escapeSlack(summarize(digest))} (as of ${digest.today}).` } },
  ];
  if (digest.escalations.length) {
    const lines = digest.escalations.map((e) => `• ${escapeSlack(describeEscalation(e))} — ${slackLink(links.task(e.taskId), "open task")}`);
    blocks.push(section(`Escalated to ${digest.recipient.name} as approver (${lines.length})`, lines, more));
  }
  for (const [bucket, items] of itemsByBucket(digest)) {
    const lines = items.map((item) => {
      const notes = describeNotes(item);
      return `• ${slackLink(links.task(item.taskId), item.secretName)} (${escapeSlack(describeSecret(item))}) — ${escapeSlack(describeDue(item, digest.today))}${notes.length ? ` _${escapeSlack(notes.join("; "))}_` : ""}`;
    });
    blocks.push(section(`${BUCKET_TITLES[bucket]} (${lines.length})`, lines, more));
  }
  blocks.push({
    type: "context",
    elements: [
      {
        type: "mrkdwn",
        text: `${slackLink(links.calendar, "Rotation calendar")} · ${slackLink(links.unsubscribePage(digest.recipient.id, "slack"), `Stop Slack reminders for ${digest.recipient.name}`)}`,
      },
    ],
  });
  return { text: `Rotation reminders for ${escapeSlack(who)}: ${escapeSlack(summarize(digest))}. ${links.calendar}`, blocks };
}
