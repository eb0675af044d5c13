import { describe, expect, it } from "vitest";
import { buildDigests } from "@/lib/domain/reminders/build-digests";
import { reminderLinks } from "@/lib/domain/reminders/links";
import { renderEmail } from "@/lib/domain/reminders/render-email";
import { renderSlack } from "@/lib/domain/reminders/render-slack";
import type { ReminderPerson, ReminderTask } from "@/lib/domain/reminders/types";

const priya: ReminderPerson = { id: "0b5c3f8e-58d5-4a5e-9a2d-3f4b9c1d2e7a", name: "Priya Shah", email: "priya@example.test", active: true };
const dana: ReminderPerson = { id: "1b5c3f8e-58d5-4a5e-9a2d-3f4b9c1d2e7a", name: "Dana <Ruiz>", email: "dana@example.test", active: false };
const at = (day: string) => new Date(`${day}T09:00:00Z`);
const base = { kind: "scheduled", reason: null, status: "open", openedAt: at("2026-04-01"), updatedAt: at("2026-04-01"), approver: priya, signers: [priya], signOffNote: null, environment: "prod", tier: 1 } as const;
const tasks: ReminderTask[] = [
  { ...base, id: "t-late", secretName: "payments/stripe-live", dueAt: at("2026-05-09"), graceUntil: at("2026-05-10"), assignee: priya, status: "acknowledged" },
  { ...base, id: "t-soon", secretName: "ci/deploy-key", environment: null, tier: null, dueAt: at("2026-05-13"), graceUntil: at("2026-05-20"), assignee: priya, kind: "rotate_now", reason: "Offboarding of Dana: held operator" },
  { ...base, id: "t-esc", secretName: "db/orders & <admin>", dueAt: at("2026-05-07"), graceUntil: at("2026-05-08"), assignee: dana },
];
const [digest] = buildDigests({ tasks, today: "2026-05-12", escalateAfterDays: 3 });
const links = reminderLinks({ baseUrl: "https://kl.example.com", secret: "s".repeat(32) });

describe("renderEmail", () => {
  const email = renderEmail({ digest: digest!, links });

  it("says what is due in the subject", () => {
    expect(email.subject).toBe("[Keyledger] 1 escalation, 1 rotation overdue, 1 due within a day");
  });

  it("lists every bucket with secret names, due dates, notes and task links in the text part", () => {
    expect(email.text).toContain("ESCALATED TO YOU AS APPROVER (1)\n* Dana <Ruiz> (offboarded) has not rotated db/orders & <admin> (prod · tier 1), 5 days overdue (due 2026-05-07)\n  https://kl.example.com/rotation?task=t-esc");
    expect(email.text).toContain("OVERDUE (1)\n* payments/stripe-live (prod · tier 1): 3 days overdue (due 2026-05-09), out of policy since 2026-05-10 — acknowledged");
    expect(email.text).toContain("DUE WITHIN 1 DAY (1)\n* ci/deploy-key (unknown environment · unknown tier): due tomorrow (2026-05-13) — rotate now: Offboarding of Dana: held operator");
    expect(email.text).toContain(`Stop e-mail reminders: ${email.unsubscribeUrl}`);
  });

  it("escapes names in the HTML part and fetches nothing from outside", () => {
    expect(email.html).toContain("db/orders &amp; &lt;admin&gt;");
    expect(email.html).not.toContain("<admin>");
    expect(email.html).toContain('<html lang="en">');
    expect(email.html).toContain('href="https://kl.example.com/rotation?task=t-late"');
    expect(email.html).toContain(`href="${email.unsubscribeUrl}"`);
    expect(email.html).not.toMatch(/<img|<link|@import|url\(|<script/i);
  });
});

describe("renderSlack", () => {
  const message = renderSlack({ digest: digest!, links });
  const json = JSON.stringify(message);

  it("has a text fallback naming the person by name and e-mail", () => {
    expect(message.text).toBe("Rotation reminders for Priya Shah (priya@example.test): 1 escalation, 1 rotation overdue, 1 due within a day. https://kl.example.com/rotation");
  });

  it("has one section per bucket with task links, escaped for mrkdwn, and an unsubscribe link", () => {
    const texts = message.blocks.map((b) => (b.text as { text?: string } | undefined)?.text ?? "");
    expect(texts.find((t) => t.startsWith("*Escalated"))).toContain("db/orders &amp; &lt;admin&gt;");
    expect(texts.find((t) => t.startsWith("*Overdue (1)*"))).toContain("<https://kl.example.com/rotation?task=t-late|payments/stripe-live>");
    expect(json).toContain(links.unsubscribePage(priya.id, "slack"));
    expect(message.blocks.length).toBeLessThanOrEqual(50);
  });

  it("keeps each section under Slack's 3 000 characters, pointing to the calendar for the rest", () => {
    const many: ReminderTask[] = Array.from({ length: 200 }, (_, i) => ({ ...tasks[0]!, id: `t-${i}`, secretName: `a-very-long-secret-name/${"x".repeat(40)}/${i}` }));
    const big = renderSlack({ digest: buildDigests({ tasks: many, today: "2026-05-12", escalateAfterDays: 3 })[0]!, links });
    for (const block of big.blocks) expect(((block.text as { text?: string } | undefined)?.text ?? "").length).toBeLessThanOrEqual(3000);
    expect(JSON.stringify(big.blocks)).toMatch(/…and \d+ more/);
  });
});
