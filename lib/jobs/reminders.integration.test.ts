// The worker's reminder job as configured by the environment: SMTP and Slack from their URLs,
// links to NEXTAUTH_URL signed with NEXTAUTH_SECRET; off when nothing is configured or when
// KEYLEDGER_REMINDERS=off.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { rotationTasks } from "@/db/schema-rotation";
import { assignRole, createPerson, createSecret, createSource } from "@/db/seed/factories";
import { verifyUnsubscribeToken } from "@/lib/domain/reminders/unsubscribe-token";
import { parseEnv } from "@/lib/env";
import { sendRemindersJob } from "@/lib/jobs/reminders";
import { startSlackReceiver, type SlackReceiver } from "@/lib/notify/testing/slack-receiver";
import { startSmtpInbox, type SmtpInbox } from "@/lib/notify/testing/smtp-inbox";
import { createTestDatabase } from "@/test/database";

const SECRET = "job-test-signing-secret-0123456789abcdef";
let database: Database;
let smtp: SmtpInbox;
let slack: SlackReceiver;
let personId: string;

beforeAll(async () => {
  [database, smtp, slack] = await Promise.all([createTestDatabase(), startSmtpInbox(), startSlackReceiver()]);
  const db = database.db;
  const person = await createPerson(db, { name: "Priya Shah", email: "priya@lumen.test" });
  personId = person.id;
  const source = await createSource(db);
  const secret = await createSecret(db, { sourceId: source.id, name: "payments/stripe-live", environment: "prod", tier: 1 });
  await assignRole(db, { secretId: secret.id, role: "operator", personId: person.id });
  const due = new Date(Date.now() + 86_400_000);
  await db.insert(rotationTasks).values({ secretId: secret.id, assigneeId: person.id, assigneeRole: "operator", dueAt: due, graceUntil: due });
});
afterAll(async () => {
  await Promise.all([database.close(), smtp.close(), slack.close()]);
});

const configured = (extra: Record<string, string> = {}) =>
  parseEnv({
    KEYLEDGER_SMTP_URL: smtp.url,
    KEYLEDGER_MAIL_FROM: "Keyledger <keyledger@lumen.test>",
    KEYLEDGER_SLACK_WEBHOOK_URL: slack.url,
    NEXTAUTH_SECRET: SECRET,
    NEXTAUTH_URL: "https://keyledger.lumen.test",
    DATABASE_URL: database.url,
    ...extra,
  });

describe("rotation-reminders job", () => {
  it("does nothing when reminders are off or no channel is configured", async () => {
    expect(await sendRemindersJob(database.db, configured({ KEYLEDGER_REMINDERS: "off" }))).toBe(0);
    expect(await sendRemindersJob(database.db, parseEnv({ NEXTAUTH_SECRET: SECRET, DATABASE_URL: database.url }))).toBe(0);
    expect(smtp.mails).toHaveLength(0);
    expect(slack.requests).toBe(0);
  });

  it("sends through the configured channels with links to NEXTAUTH_URL, once a day", async () => {
    expect(await sendRemindersJob(database.db, configured())).toBe(2);
    expect(smtp.mails.map((m) => m.to)).toEqual([["priya@lumen.test"]]);
    const link = /Stop e-mail reminders: (\S+)/.exec(smtp.mails[0]!.text)![1]!;
    expect(link.startsWith("https://keyledger.lumen.test/unsubscribe?token=")).toBe(true);
    expect(verifyUnsubscribeToken(SECRET, new URL(link).searchParams.get("token"))).toEqual({ personId, channel: "email" });
    expect(slack.messages).toHaveLength(1);
    expect(await sendRemindersJob(database.db, configured())).toBe(0);
  });
});
