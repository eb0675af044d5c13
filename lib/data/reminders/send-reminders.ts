import "server-only";
// The reminder run: gather every task someone must act on, build each person's digest, and send it
// on each channel that is configured, not turned off by the person, not sent already today, and has
// news since the last digest there (lib/domain/reminders/schedule.ts). Every attempt is one
// reminder_deliveries row per person × channel × day; a failed one is retried by the next run.
import { eq } from "drizzle-orm";
import { poolOf } from "@/db/client";
import { rotationSettings } from "@/db/schema-rotation";
import { getDb, type Db } from "@/lib/data/db";
import { findDeliveryHistory } from "@/lib/data/reminders/find-delivery-history";
import { findReminderTasks } from "@/lib/data/reminders/find-reminder-tasks";
import { recordDelivery } from "@/lib/data/reminders/record-delivery";
import { buildDigests, isDigestDue } from "@/lib/domain/reminders/build-digests";
import type { ReminderLinks } from "@/lib/domain/reminders/links";
import { renderEmail } from "@/lib/domain/reminders/render-email";
import { renderSlack } from "@/lib/domain/reminders/render-slack";
import { addDays, dayOf, DIGEST_HORIZON_DAYS } from "@/lib/domain/reminders/schedule";
import { REMINDER_CHANNELS, type Digest, type ReminderChannel } from "@/lib/domain/reminders/types";
import { log } from "@/lib/log";
import { deliveryErrorText, type Transports } from "@/lib/notify/transports";

export type ReminderRun = {
  /** People with something in their digest today. */
  digests: number;
  sent: number;
  failed: number;
  /** Already sent on this channel today (a re-run sends nothing twice). */
  alreadySent: number;
  /** Nothing became news since the last digest on this channel. */
  nothingNew: number;
  unsubscribed: number;
  /** The channel is not configured on this installation. */
  channelOff: number;
  /** Another run held the lock: this one did nothing. */
  busy: boolean;
};

// Two runs at once (two workers, or a manual run beside the schedule) must not both send.
const LOCK = "select pg_try_advisory_lock(hashtext('keyledger:rotation-reminders')) as locked";
const UNLOCK = "select pg_advisory_unlock(hashtext('keyledger:rotation-reminders'))";

export async function sendReminders({ db = getDb(), now = new Date(), transports, links }: { db?: Db; now?: Date; transports: Transports; links: ReminderLinks }): Promise<ReminderRun> {
  const run: ReminderRun = { digests: 0, sent: 0, failed: 0, alreadySent: 0, nothingNew: 0, unsubscribed: 0, channelOff: 0, busy: false };
  const lockClient = await poolOf(db).connect();
  try {
    const { rows } = await lockClient.query<{ locked: boolean }>(LOCK);
    if (!rows[0]?.locked) return { ...run, busy: true };
    try {
      await sendAll({ db, now, transports, links, run });
    } finally {
      await lockClient.query(UNLOCK);
    }
  } finally {
    lockClient.release();
  }
  return run;
}

async function sendAll({ db, now, transports, links, run }: { db: Db; now: Date; transports: Transports; links: ReminderLinks; run: ReminderRun }) {
  const today = dayOf(now);
  const [settings] = await db.select({ escalateAfterDays: rotationSettings.escalateAfterDays }).from(rotationSettings).where(eq(rotationSettings.id, 1));
  const tasks = await findReminderTasks({ db, before: new Date(`${addDays(today, DIGEST_HORIZON_DAYS + 1)}T00:00:00Z`) });
  const digests = buildDigests({ tasks, today, escalateAfterDays: settings?.escalateAfterDays ?? 3 });
  const history = await findDeliveryHistory({ db, today, personIds: digests.map((d) => d.recipient.id) });
  run.digests = digests.length;

  for (const digest of digests) {
    for (const channel of REMINDER_CHANNELS) {
      const past = history(digest.recipient.id, channel);
      if (!transports[channel]) run.channelOff += 1;
      else if (past.unsubscribed) run.unsubscribed += 1;
      else if (past.sentToday) run.alreadySent += 1;
      else if (!isDigestDue(digest, past.lastSentOn)) run.nothingNew += 1;
      else {
        const error = await deliver({ digest, channel, transports, links });
        run[error === null ? "sent" : "failed"] += 1;
        if (error !== null) log.warn("reminder not delivered", { personId: digest.recipient.id, channel, error });
        await recordDelivery({
          db,
          delivery: { personId: digest.recipient.id, channel, digestDate: today, taskCount: digest.items.length, escalations: digest.escalations.length, status: error === null ? "sent" : "failed", error },
        });
      }
    }
  }
}

/** Sends one digest on one channel: null when delivered, else what went wrong. */
async function deliver({ digest, channel, transports, links }: { digest: Digest; channel: ReminderChannel; transports: Transports; links: ReminderLinks }): Promise<string | null> {
  try {
    if (channel === "email") await transports.email!.send({ to: digest.recipient.email, ...renderEmail({ digest, links }) });
    else await transports.slack!.send(renderSlack({ digest, links }));
    return null;
  } catch (error) {
    return deliveryErrorText(error);
  }
}
