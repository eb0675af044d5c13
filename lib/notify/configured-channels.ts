// Which reminder channels this installation has set up: e-mail with KEYLEDGER_SMTP_URL and
// KEYLEDGER_MAIL_FROM, Slack with KEYLEDGER_SLACK_WEBHOOK_URL.
import { env, type Env } from "@/lib/env";

export function configuredChannels(e: Env = env()): { email: boolean; slack: boolean } {
  return { email: Boolean(e.KEYLEDGER_SMTP_URL && e.KEYLEDGER_MAIL_FROM), slack: Boolean(e.KEYLEDGER_SLACK_WEBHOOK_URL) };
}
