import "server-only";
// Keyledger's own actions (who changed an owner, who exported what, who signed in) are access
// events too, with source kind "keyledger", so one log answers "who touched this secret".
// What a user typed lands in `detail` (an export's filter text, a token's name, a skip reason):
// every string in it passes through the logger's redact() first, like a log line would.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { accessEvents } from "@/db/schema";
import { accessEventSubjects } from "@/db/schema-ingest";
import { getDb, type Queryable } from "@/lib/data/db";
import type { Action } from "@/lib/ingest/types";
import { redact } from "@/lib/log";

export type KeyledgerEvent = {
  actor: string;
  action: Action;
  rawAction: string;
  result?: "success" | "failure";
  errorCode?: string | null;
  secretId?: string | null;
  secretRef?: string | null;
  sourceIp?: string | null;
  userAgent?: string | null;
  authSource?: string;
  /** A person (the default), or Keyledger's own jobs ("service"). */
  actorType?: "human" | "service";
  detail?: Record<string, unknown>;
  rawId?: string;
};

/** The detail with every string (values and keys) redacted. */
export function redactDetail(value: unknown): unknown {
  if (typeof value === "string") return redact(value);
  if (Array.isArray(value)) return value.map(redactDetail);
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([key, child]) => [redact(key), redactDetail(child)]));
  }
  return value;
}

export async function recordKeyledgerEvent({ event, db = getDb() }: { event: KeyledgerEvent; db?: Queryable }): Promise<void> {
  const occurredAt = new Date();
  await db.execute(sql`select keyledger_ensure_access_event_partitions(${occurredAt}, ${occurredAt})`);
  await db.insert(accessEvents).values({
    occurredAt,
    sourceKind: "keyledger",
    rawId: event.rawId ?? randomUUID(),
    secretId: event.secretId ?? null,
    secretRef: event.secretRef ?? null,
    action: event.action,
    rawAction: event.rawAction,
    result: event.result ?? "success",
    errorCode: event.errorCode ?? null,
    actor: event.actor,
    actorType: event.actorType ?? "human",
    authSource: event.authSource ?? "session",
    sourceIp: event.sourceIp ?? null,
    userAgent: event.userAgent ?? null,
    detail: event.detail ? (redactDetail(event.detail) as Record<string, unknown>) : null,
  });
  await db
    .insert(accessEventSubjects)
    .values([{ kind: "actor", subject: event.actor }, ...(event.secretRef ? [{ kind: "secret_ref", subject: event.secretRef }] : [])])
    .onConflictDoNothing();
}
