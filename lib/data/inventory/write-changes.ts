import "server-only";
// Applies a change plan inside the caller's transaction, in batches so a 10,000-row file stays a
// handful of statements. Consumers the file names that do not exist yet are created (as services).
import { and, eq, inArray, sql } from "drizzle-orm";
import { consumers, locations, secretConsumers, secrets } from "@/db/schema";
import type { Queryable } from "@/lib/data/db";
import { writeRoles } from "@/lib/data/ownership/write-roles";
import { IMPORT_FOUND_BY } from "@/lib/sources/inventory-file/format";
import type { ChangePlan, SecretValues } from "@/lib/sources/inventory-file/plan-changes";

const BATCH = 500;

async function inBatches<T>(items: readonly T[], write: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < items.length; i += BATCH) await write(items.slice(i, i + BATCH));
}

function groupBy<T, V>(items: readonly T[], key: (item: T) => string, value: (item: T) => V): Map<string, V[]> {
  const groups = new Map<string, V[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(value(item));
    else groups.set(key(item), [value(item)]);
  }
  return groups;
}

/** Consumer name → id for every name, creating the ones that do not exist. */
async function ensureConsumers({ tx, names, sourceName }: { tx: Queryable; names: string[]; sourceName: string }) {
  const ids = new Map<string, string>();
  const lookUp = (batch: string[]) =>
    tx.select({ id: consumers.id, name: consumers.name }).from(consumers).where(inArray(consumers.name, batch));
  await inBatches(names, async (batch) => {
    for (const row of await lookUp(batch)) ids.set(row.name, row.id);
  });
  const missing = names.filter((name) => !ids.has(name));
  let created = 0;
  await inBatches(missing, async (batch) => {
    const rows = await tx
      .insert(consumers)
      .values(batch.map((name) => ({ name, kind: "service" as const, description: `Named in the inventory file "${sourceName}"` })))
      .onConflictDoNothing()
      .returning({ id: consumers.id, name: consumers.name });
    created += rows.length;
    for (const row of rows) ids.set(row.name, row.id);
    for (const row of await lookUp(batch.filter((name) => !ids.has(name)))) ids.set(row.name, row.id);
  });
  return { ids, created };
}

const COLUMNS: Record<keyof SecretValues, [column: string, type: string]> = {
  name: ["name", "text"],
  environment: ["environment", "environment"],
  tier: ["tier", "integer"],
  kind: ["kind", "secret_kind"],
  provider: ["provider", "text"],
  privilege: ["privilege", "privilege"],
  lifetime: ["lifetime", "lifetime"],
  ttlSeconds: ["ttl_seconds", "integer"],
  revokePath: ["revoke_path", "text"],
  description: ["description", "text"],
};

/** One statement per batch of updates that set the same columns. */
async function updateSecrets({ tx, updates, now }: { tx: Queryable; updates: ChangePlan["updates"]; now: Date }) {
  const shapes = groupBy(updates, (u) => Object.keys(u.values).sort().join(), (u) => u);
  for (const group of shapes.values()) await inBatches(group, (batch) => updateBatch({ tx, batch, now }));
}

async function updateBatch({ tx, batch, now }: { tx: Queryable; batch: ChangePlan["updates"]; now: Date }) {
  const keys = Object.keys(batch[0]?.values ?? {}) as (keyof SecretValues)[];
  const columns = keys.map((key) => COLUMNS[key]);
  const rows = batch.map(({ id, values }) => Object.fromEntries([["id", id], ...keys.map((key, i) => [columns[i]![0], values[key] ?? null])]));
  await tx.execute(sql`
    update secrets as s set ${sql.raw(columns.map(([c]) => `${c} = v.${c}`).join(", "))},
      missing_since = null, updated_at = ${now.toISOString()}::timestamptz
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v(id uuid, ${sql.raw(columns.map(([c, t]) => `${c} ${t}`).join(", "))})
    where s.id = v.id`);
}

export async function writeChanges(args: {
  tx: Queryable;
  plan: ChangePlan;
  sourceId: string;
  sourceName: string;
  now: Date;
  assignedBy: string | null;
}): Promise<{ consumersCreated: number }> {
  const { tx, plan, sourceId, sourceName, now, assignedBy } = args;

  await inBatches(plan.inserts, (batch) => tx.insert(secrets).values(batch.map((values) => ({ ...values, sourceId, tags: {} }))));
  await updateSecrets({ tx, updates: plan.updates, now });
  await inBatches(plan.markMissing, (batch) => tx.update(secrets).set({ missingSince: now, updatedAt: now }).where(inArray(secrets.id, batch)));

  // Through the one writer of roles, so open tasks follow the new operators the file names.
  await writeRoles({ db: tx, clear: plan.roleDeletes, assign: plan.roleUpserts, assignedBy, now });

  for (const [secretId, consumerIds] of groupBy(plan.linkDeletes, (d) => d.secretId, (d) => d.consumerId)) {
    await tx.delete(secretConsumers).where(and(eq(secretConsumers.secretId, secretId), inArray(secretConsumers.consumerId, consumerIds)));
  }
  const names = [...new Set(plan.linkInserts.map((link) => link.consumerName))];
  const { ids, created } = await ensureConsumers({ tx, names, sourceName });
  await inBatches(plan.linkInserts, (batch) =>
    tx.insert(secretConsumers).values(batch.map(({ secretId, consumerName }) => ({ secretId, consumerId: ids.get(consumerName) as string }))),
  );

  await inBatches(plan.locationDeletes, (batch) => tx.delete(locations).where(inArray(locations.id, batch)));
  for (const { id, ...values } of plan.locationUpdates) await tx.update(locations).set(values).where(eq(locations.id, id));
  await inBatches(plan.locationInserts, (batch) =>
    tx.insert(locations).values(batch.map((row) => ({ ...row, foundBy: IMPORT_FOUND_BY, foundAt: now }))),
  );
  return { consumersCreated: created };
}
