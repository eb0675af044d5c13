// Reminders end to end below the HTTP layer: real Postgres rows, a real SMTP server (smtp-server)
// and a local HTTP receiver standing in for the Slack webhook.
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import type { Person } from "@/db/schema";
import { reminderDeliveries, rotationTasks } from "@/db/schema-rotation";
import { assignRole, createPerson, createSecret, createSource } from "@/db/seed/factories";
import { sendReminders } from "@/lib/data/reminders/send-reminders";
import { setReminderChannel } from "@/lib/data/reminders/set-reminder-channel";
import { reminderLinks } from "@/lib/domain/reminders/links";
import { verifyUnsubscribeToken } from "@/lib/domain/reminders/unsubscribe-token";
import { parseEnv } from "@/lib/env";
import { createSlackWebhook } from "@/lib/notify/slack-webhook";
import { createSmtpTransport } from "@/lib/notify/smtp";
import { startSlackReceiver, type SlackReceiver } from "@/lib/notify/testing/slack-receiver";
import { startSmtpInbox, type SmtpInbox } from "@/lib/notify/testing/smtp-inbox";
import { createTransportsFromEnv } from "@/lib/notify/transports-from-env";
import type { Transports } from "@/lib/notify/transports";
import { createTestDatabase } from "@/test/database";

const SECRET = "reminder-test-signing-secret-0123456789";
const BASE = "https://keyledger.example.com";
const links = reminderLinks({ baseUrl: BASE, secret: SECRET });
const NOW = new Date("2026-05-12T08:00:00Z");
const day = (n: number, from = NOW) => new Date(from.getTime() + n * 86_400_000);
const FROM = "Keyledger <keyledger@example.com>";

type Cast = { priya: Person; dana: Person; maya: Person; gone: Person; ursula: Person; tasks: Record<string, string> };

/** A small company: Priya has two upcoming rotations, Dana one 5 days overdue (escalated to Maya,
 * the approver), an offboarded operator left one overdue, Ursula turned e-mail reminders off. */
async function seedCompany(database: Database): Promise<Cast> {
  const db = database.db;
  const [priya, dana, maya, gone, ursula] = await Promise.all([
    createPerson(db, { name: "Priya Shah", email: "priya@lumen.test" }),
    createPerson(db, { name: "Dana Ruiz", email: "dana@lumen.test" }),
    createPerson(db, { name: "Maya Chen", email: "maya@lumen.test", role: "founder" }),
    createPerson(db, { name: "Gil Former", email: "gil@lumen.test", status: "offboarded", offboardedAt: day(-20) }),
    createPerson(db, { name: "Ursula Quiet", email: "ursula@lumen.test" }),
  ]);
  const source = await createSource(db);
  const tasks: Record<string, string> = {};
  const task = async (name: string, operator: Person, dueInDays: number, extra: Partial<typeof rotationTasks.$inferInsert> = {}) => {
    const secret = await createSecret(db, { sourceId: source.id, name, environment: "prod", tier: 1 });
    await assignRole(db, { secretId: secret.id, role: "operator", personId: operator.id });
    await assignRole(db, { secretId: secret.id, role: "approver", personId: maya.id });
    const [row] = await db
      .insert(rotationTasks)
      .values({ secretId: secret.id, assigneeId: operator.id, assigneeRole: "operator", dueAt: day(dueInDays), graceUntil: day(dueInDays + 2), openedAt: day(-30), ...extra })
      .returning({ id: rotationTasks.id });
    tasks[name] = row!.id;
  };
  await task("payments/stripe-live", priya, 1);
  await task("ci/deploy-key", priya, 7, { status: "acknowledged" });
  await task("payments/old-webhook", priya, -3, { status: "done", completedAt: day(-4) });
  await task("analytics/far-away", priya, 30);
  await task("db/orders-admin", dana, -5);
  await task("legacy/ftp", gone, -4);
  await task("crm/api-key", ursula, 1);
  await setReminderChannel({ db, personId: ursula.id, channel: "email", on: false });
  return { priya, dana, maya, gone, ursula, tasks };
}

let smtp: SmtpInbox;
let slack: SlackReceiver;
let database: Database;
let cast: Cast;
const transports = (): Transports => ({ email: createSmtpTransport({ url: smtp.url, from: FROM }), slack: createSlackWebhook({ url: slack.url, minIntervalMs: 0 }) });
const run = async (now = NOW, t = transports()) => {
  try {
    return await sendReminders({ db: database.db, now, transports: t, links });
  } finally {
    t.email?.close();
  }
};
const mailTo = (address: string) => smtp.mails.filter((m) => m.to.includes(address));
const slackAbout = (email: string) => slack.messages.filter((m) => m.body.text.includes(email));
const deliveries = () => database.db.select().from(reminderDeliveries);

beforeAll(async () => {
  smtp = await startSmtpInbox({ user: "keyledger", pass: "smtp-pass-word" });
  slack = await startSlackReceiver();
});
afterAll(async () => {
  await smtp.close();
  await slack.close();
});
beforeEach(async () => {
  database = await createTestDatabase();
  cast = await seedCompany(database);
  smtp.mails.length = 0;
  smtp.rejecting.clear();
  slack.messages.length = 0;
  slack.answers.length = 0;
});
afterEach(() => database.close());

describe("sendReminders", () => {
  it("mails each assignee their digest through the SMTP server configured in the environment, and escalates to the approver", async () => {
    const fromEnv = createTransportsFromEnv(parseEnv({ KEYLEDGER_SMTP_URL: smtp.url, KEYLEDGER_MAIL_FROM: FROM, KEYLEDGER_SLACK_WEBHOOK_URL: slack.url }));
    const result = await run(NOW, fromEnv);
    expect(result).toMatchObject({ digests: 4, sent: 7, failed: 0, unsubscribed: 1, busy: false });

    // Priya, Dana and Maya by e-mail; Ursula turned e-mail off; Gil is offboarded.
    expect(smtp.mails.flatMap((m) => m.to).sort()).toEqual(["dana@lumen.test", "maya@lumen.test", "priya@lumen.test"]);
    expect(smtp.mails.every((m) => m.from === "keyledger@example.com" && m.headers.get("from") === FROM)).toBe(true);

    const [priya] = mailTo("priya@lumen.test");
    expect(priya!.subject).toBe("[Keyledger] 1 rotation due within a day, 1 due within 14 days");
    expect(priya!.text).toContain("DUE WITHIN 1 DAY (1)\n* payments/stripe-live (prod · tier 1): due tomorrow (2026-05-13)");
    expect(priya!.text).toContain("DUE WITHIN 7 DAYS (1)\n* ci/deploy-key (prod · tier 1): due 2026-05-19, in 7 days — acknowledged");
    expect(priya!.text).toContain(`${BASE}/rotation?task=${cast.tasks["payments/stripe-live"]}`);
    expect(priya!.text).not.toMatch(/old-webhook|far-away/);
    expect(priya!.html).toContain(`href="${BASE}/rotation?task=${cast.tasks["ci/deploy-key"]}"`);

    // The unsubscribe link in the body and the one-click header both carry Priya's e-mail token.
    const bodyLink = /Stop e-mail reminders: (\S+)/.exec(priya!.text)![1]!;
    expect(bodyLink.startsWith(`${BASE}/unsubscribe?token=`)).toBe(true);
    expect(verifyUnsubscribeToken(SECRET, new URL(bodyLink).searchParams.get("token"))).toEqual({ personId: cast.priya.id, channel: "email" });
    const header = /^<([^>]+)>/.exec(priya!.headers.get("list-unsubscribe") ?? "")![1]!;
    expect(header.startsWith(`${BASE}/api/v1/reminders/unsubscribe?token=`)).toBe(true);
    expect(verifyUnsubscribeToken(SECRET, new URL(header).searchParams.get("token"))).toEqual({ personId: cast.priya.id, channel: "email" });
    expect(priya!.headers.get("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");

    const [dana] = mailTo("dana@lumen.test");
    expect(dana!.subject).toBe("[Keyledger] 1 rotation overdue");
    expect(dana!.text).toContain("OVERDUE (1)\n* db/orders-admin (prod · tier 1): 5 days overdue (due 2026-05-07), out of policy since 2026-05-09");

    const [maya] = mailTo("maya@lumen.test");
    expect(maya!.subject).toBe("[Keyledger] 2 escalations");
    expect(maya!.text).toContain("* Dana Ruiz has not rotated db/orders-admin (prod · tier 1), 5 days overdue (due 2026-05-07)");
    expect(maya!.text).toContain("* Gil Former (offboarded) has not rotated legacy/ftp (prod · tier 1), 4 days overdue (due 2026-05-08)");
    expect(maya!.text).toContain(`${BASE}/rotation?task=${cast.tasks["db/orders-admin"]}`);
  });

  it("posts one Slack message per person, naming them by name and e-mail, with their Slack unsubscribe link", async () => {
    await run();
    expect(slack.messages.map((m) => m.body.text.split(":")[0]).sort()).toEqual([
      "Rotation reminders for Dana Ruiz (dana@lumen.test)",
      "Rotation reminders for Maya Chen (maya@lumen.test)",
      "Rotation reminders for Priya Shah (priya@lumen.test)",
      "Rotation reminders for Ursula Quiet (ursula@lumen.test)",
    ]);
    const [ursula] = slackAbout("ursula@lumen.test");
    const blocks = JSON.stringify(ursula!.body.blocks);
    expect(blocks).toContain(`<${BASE}/rotation?task=${cast.tasks["crm/api-key"]}|crm/api-key>`);
    expect(blocks).toContain("*Due within 1 day (1)*");
    const link = /<([^|>]+\/unsubscribe\?token=[^|>]+)\|Stop Slack reminders/.exec(blocks)![1]!;
    expect(verifyUnsubscribeToken(SECRET, new URL(link).searchParams.get("token"))).toEqual({ personId: cast.ursula.id, channel: "slack" });
    expect(JSON.stringify(slackAbout("maya@lumen.test")[0]!.body.blocks)).toContain("Escalated to Maya Chen as approver (2)");
  });

  it("sends nothing twice on the same day, and the next day only what became news", async () => {
    await run();
    const again = await run(day(0.2));
    expect(again).toMatchObject({ sent: 0, alreadySent: 7, failed: 0 });
    expect(smtp.mails).toHaveLength(3);
    expect(slack.messages).toHaveLength(4);
    expect(await deliveries()).toHaveLength(7);

    // Next day: the payments task is due today (no new threshold), Priya's 7-day task is 6 days
    // out: nothing new for her. Dana's task is 6 days overdue: escalated again (every 3 days).
    smtp.mails.length = 0;
    slack.messages.length = 0;
    const tomorrow = await run(day(1));
    expect(tomorrow).toMatchObject({ sent: 2, failed: 0 });
    expect(smtp.mails.flatMap((m) => m.to)).toEqual(["maya@lumen.test"]);
    expect(smtp.mails[0]!.text).toContain("Dana Ruiz has not rotated db/orders-admin (prod · tier 1), 6 days overdue");
  });

  it("sends nothing on a channel a person turned off", async () => {
    await setReminderChannel({ db: database.db, personId: cast.priya.id, channel: "slack", on: false });
    await run();
    expect(mailTo("priya@lumen.test")).toHaveLength(1);
    expect(slackAbout("priya@lumen.test")).toHaveLength(0);
    expect(mailTo("ursula@lumen.test")).toHaveLength(0);
    expect(slackAbout("ursula@lumen.test")).toHaveLength(1);
    const rows = await deliveries();
    expect(rows.filter((r) => r.personId === cast.ursula.id).map((r) => r.channel)).toEqual(["slack"]);
  });

  it("records a Slack 500 and an SMTP rejection as failed, and retries them on the next run the same day", async () => {
    slack.answers.push({ status: 500, body: "rollup_error" });
    smtp.rejecting.add("dana@lumen.test");
    const first = await run();
    expect(first).toMatchObject({ sent: 5, failed: 2 });
    const failed = (await deliveries()).filter((r) => r.status === "failed");
    expect(failed.map((r) => [r.channel, r.error]).sort()).toEqual([
      ["email", expect.stringMatching(/^SMTP server refused the message \(550 after RCPT\): .*dana@lumen\.test.*Recipient address rejected/)],
      ["slack", "Slack failed (500 rollup_error)"],
    ]);
    expect(failed.find((r) => r.channel === "email")!.personId).toBe(cast.dana.id);
    expect(JSON.stringify(failed)).not.toContain("localwebhooktoken");

    smtp.rejecting.clear();
    const retry = await run(day(0.1));
    expect(retry).toMatchObject({ sent: 2, failed: 0, alreadySent: 5 });
    expect(mailTo("dana@lumen.test")).toHaveLength(1);
    expect(slack.messages).toHaveLength(4);
    const rows = await deliveries();
    expect(rows).toHaveLength(7);
    expect(rows.every((r) => r.status === "sent" && r.error === null)).toBe(true);
  });

  it("waits out a short Slack 429 and retries once; a long Retry-After is a recorded failure", async () => {
    slack.answers.push({ status: 429, body: "rate_limited", headers: { "retry-after": "1" } });
    slack.answers.push({ status: 429, body: "rate_limited", headers: { "retry-after": "1" } });
    slack.answers.push({ status: 429, body: "rate_limited", headers: { "retry-after": "120" } });
    const result = await run();
    // First message: 429 → wait 1 s → 429 again: failed. Second: 429 with 120 s: failed at once.
    expect(result).toMatchObject({ failed: 2, sent: 5 });
    const errors = (await deliveries()).filter((r) => r.status === "failed").map((r) => r.error);
    expect(errors).toEqual(["Slack rate-limited the webhook (429), retry after 1 s", "Slack rate-limited the webhook (429), retry after 120 s"]);
  });

  it("explains a removed webhook, and one run at a time holds the lock", async () => {
    slack.answers.push(...Array.from({ length: 4 }, () => ({ status: 404, body: "no_service" })));
    await run();
    const errors = (await deliveries()).filter((r) => r.channel === "slack").map((r) => r.error);
    expect(new Set(errors)).toEqual(new Set(["Slack refused the message (404 no_service): the webhook was removed or disabled: create a new one"]));

    const [a, b] = await Promise.all([run(day(0.1)), run(day(0.1))]);
    expect([a.busy, b.busy].sort()).toEqual([false, true]);
  });

  it("leaves out tasks that are done, skipped or due past 14 days, and people with nothing due", async () => {
    await database.db.update(rotationTasks).set({ status: "skipped", skippedReason: "decommissioned" }).where(eq(rotationTasks.id, cast.tasks["crm/api-key"]!));
    const result = await run();
    expect(result.digests).toBe(3);
    expect(slackAbout("ursula@lumen.test")).toHaveLength(0);
  });
});
