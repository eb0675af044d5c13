import "server-only";
// For each recipient and channel: the last day a digest was sent before today, whether one was sent
// today already, and whether the person turned the channel off.
import { sql } from "drizzle-orm";
import { getDb, type Queryable } from "@/lib/data/db";
import type { Day, ReminderChannel } from "@/lib/domain/reminders/types";

export type ChannelHistory = { lastSentOn: Day | null; sentToday: boolean; unsubscribed: boolean };
export type DeliveryHistory = (personId: string, channel: ReminderChannel) => ChannelHistory;

export async function findDeliveryHistory({ personIds, today, db = getDb() }: { personIds: string[]; today: Day; db?: Queryable }): Promise<DeliveryHistory> {
  const history = new Map<string, ChannelHistory>();
  const entry = (key: string) => history.get(key) ?? (history.set(key, { lastSentOn: null, sentToday: false, unsubscribed: false }), history.get(key)!);
  if (personIds.length > 0) {
    const ids = sql`array[${sql.join(personIds.map((id) => sql`${id}::uuid`), sql`, `)}]`;
    const [deliveries, unsubscribes] = await Promise.all([
      db.execute<{ person_id: string; channel: ReminderChannel; last_sent_on: string | null; sent_today: boolean }>(sql`
        select person_id, channel,
               max(digest_date) filter (where status = 'sent' and digest_date < ${today}::date)::text as last_sent_on,
               coalesce(bool_or(status = 'sent' and digest_date = ${today}::date), false) as sent_today
        from reminder_deliveries where person_id = any(${ids}) group by person_id, channel`),
      db.execute<{ person_id: string; channel: ReminderChannel }>(sql`select person_id, channel from reminder_unsubscribes where person_id = any(${ids})`),
    ]);
    for (const row of deliveries.rows) Object.assign(entry(`${row.person_id}:${row.channel}`), { lastSentOn: row.last_sent_on, sentToday: row.sent_today });
    for (const row of unsubscribes.rows) entry(`${row.person_id}:${row.channel}`).unsubscribed = true;
  }
  return (personId, channel) => history.get(`${personId}:${channel}`) ?? { lastSentOn: null, sentToday: false, unsubscribed: false };
}
