// The scheduled reminder run (worker job "rotation-reminders"): the channels configured in the
// environment, links to this installation, and sendReminders. Runs hourly in the working day: the
// first run of a day sends the digests; later runs retry failed sends and reach people whose news
// arrived later that day (a rotate-now task). Nobody gets more than one digest a day per channel.
import type { Db } from "@/db/client";
import { sendReminders } from "@/lib/data/reminders/send-reminders";
import { reminderLinks } from "@/lib/domain/reminders/links";
import { env, publicBaseUrl, type Env } from "@/lib/env";
import { log } from "@/lib/log";
import { reminderSigningSecret } from "@/lib/notify/signing-secret";
import { createTransportsFromEnv } from "@/lib/notify/transports-from-env";

export const REMINDERS_CRON = "0 8-18 * * *";

/** For the worker's JOBS table: the number of digests sent. */
export async function sendRemindersJob(db: Db, e: Env = env()): Promise<number> {
  if (e.KEYLEDGER_REMINDERS === "off") return 0;
  const transports = createTransportsFromEnv(e);
  if (!transports.email && !transports.slack) return 0;
  try {
    const secret = await reminderSigningSecret(e);
    if (!secret) {
      log.warn("reminders: not sent, because unsubscribe links cannot be signed without NEXTAUTH_SECRET");
      return 0;
    }
    const run = await sendReminders({ db, transports, links: reminderLinks({ baseUrl: publicBaseUrl(e), secret }) });
    if (run.sent || run.failed || run.busy) log.info("reminders sent", run);
    return run.sent;
  } finally {
    transports.email?.close();
  }
}
