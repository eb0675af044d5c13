// The reminder channels this installation has: e-mail when KEYLEDGER_SMTP_URL is set, Slack when
// KEYLEDGER_SLACK_WEBHOOK_URL is. A channel that is not configured is off, said once per process.
import { env, type Env } from "@/lib/env";
import { log } from "@/lib/log";
import { configuredChannels } from "@/lib/notify/configured-channels";
import { createSlackWebhook } from "@/lib/notify/slack-webhook";
import { createSmtpTransport } from "@/lib/notify/smtp";
import type { Transports } from "@/lib/notify/transports";

let announced = false;

export function createTransportsFromEnv(e: Env = env()): Transports {
  const on = configuredChannels(e);
  if (!announced) {
    announced = true;
    if (!on.email) log.info("reminders: e-mail channel off (set KEYLEDGER_SMTP_URL and KEYLEDGER_MAIL_FROM to send e-mail digests)");
    if (!on.slack) log.info("reminders: Slack channel off (set KEYLEDGER_SLACK_WEBHOOK_URL to post Slack digests)");
  }
  return {
    email: on.email ? createSmtpTransport({ url: e.KEYLEDGER_SMTP_URL!, from: e.KEYLEDGER_MAIL_FROM! }) : null,
    slack: on.slack ? createSlackWebhook({ url: e.KEYLEDGER_SLACK_WEBHOOK_URL! }) : null,
  };
}
