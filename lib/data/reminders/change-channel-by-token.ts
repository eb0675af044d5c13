import "server-only";
// Following an unsubscribe link: the signed token names the person and the channel, so no session
// is needed. The change is a Keyledger access event, with the link as its authentication.
import { getDb } from "@/lib/data/db";
import { recordKeyledgerEvent } from "@/lib/data/access-events/record-keyledger-event";
import { findUnsubscribeTarget } from "@/lib/data/reminders/find-unsubscribe-target";
import { setReminderChannel } from "@/lib/data/reminders/set-reminder-channel";
import type { ReminderChannel } from "@/lib/domain/reminders/types";
import { AppError } from "@/lib/errors";

type Change = { token: string; secret: string; subscribe: boolean; sourceIp?: string | null; userAgent?: string | null };

export async function changeChannelByToken({ token, secret, subscribe, sourceIp = null, userAgent = null }: Change): Promise<{ channel: ReminderChannel; unsubscribed: boolean }> {
  return getDb().transaction(async (db) => {
    const target = await findUnsubscribeTarget({ db, token, secret });
    if (!target) throw new AppError("forbidden", "This unsubscribe link is not valid: nothing was changed");
    await setReminderChannel({ db, personId: target.person.id, channel: target.channel, on: subscribe });
    await recordKeyledgerEvent({
      db,
      event: {
        actor: target.person.email,
        action: "update",
        rawAction: subscribe ? "reminders.resubscribe" : "reminders.unsubscribe",
        authSource: "unsubscribe-link",
        sourceIp,
        userAgent,
        detail: { channel: target.channel },
      },
    });
    return { channel: target.channel, unsubscribed: !subscribe };
  });
}
