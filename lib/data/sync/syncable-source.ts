import "server-only";
// Which sources a sync may run for — on the schedule, from "Sync now", from `keyledger sync`, and
// the CloudTrail pull: one rule, here. A source syncs when it is not deleted, is enabled, holds no
// demo data (config.demo = "true": sample data with no store behind it) and is not an inventory
// file (those are imported with `keyledger import`).
import { sql, type SQL } from "drizzle-orm";
import { sources } from "@/db/schema";

export type NotSyncable = "deleted" | "disabled" | "inventory_file" | "demo";

/** Why the source cannot be synced, or null when it can. */
export const notSyncable = sql<NotSyncable | null>`(case
  when ${sources.deletedAt} is not null then 'deleted'
  when not ${sources.enabled} then 'disabled'
  when ${sources.kind} = 'inventory_file' then 'inventory_file'
  when coalesce(${sources.config}->>'demo', 'false') = 'true' then 'demo' end)`;

/** The sources a sync may run for. */
export const syncableSource: SQL = sql`${notSyncable} is null`;

/** What "Sync now" answers when the source cannot be synced. */
export const NOT_SYNCABLE_WORDS: Record<NotSyncable, string> = {
  deleted: "This source was deleted: there is nothing to sync",
  disabled: "This source is disabled: enable it before syncing",
  inventory_file: "An inventory file is imported, not synced: use `keyledger import FILE`",
  demo: "This is a demo source with sample data: there is no store to sync from",
};
