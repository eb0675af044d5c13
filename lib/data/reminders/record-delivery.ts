import "server-only";
// One reminder_deliveries row per person, channel and day. A failed row is overwritten by the
// retry; a sent row never is, so nothing is sent twice on the same day.
import { sql } from "drizzle-orm";
import { reminderDeliveries } from "@/db/schema-rotation";
import { getDb, type Queryable } from "@/lib/data/db";
import type { Day, ReminderChannel } from "@/lib/domain/reminders/types";

export type Delivery = { personId: string; channel: ReminderChannel; digestDate: Day; taskCount: number; escalations: number; status: "sent" | "failed"; error: string | null };

export async function recordDelivery({ delivery, db = getDb() }: { delivery: Delivery; db?: Queryable }): Promise<void> {
  await db
    .insert(reminderDeliveries)
    .values({ ...delivery, sentAt: new Date() })
    .onConflictDoUpdate({
      target: [reminderDeliveries.personId, reminderDeliveries.channel, reminderDeliveries.digestDate],
      set: {
        status: sql`excluded.status`,
        error: sql`excluded.error`,
        taskCount: sql`excluded.task_count`,
        escalations: sql`excluded.escalations`,
        sentAt: sql`excluded.sent_at`,
      },
      setWhere: sql`${reminderDeliveries.status} = 'failed'`,
    });
}
