import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { sources } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getDb, type Queryable } from "@/lib/data/db";
import { AppError, notFound } from "@/lib/errors";
import { validateSourceConfig } from "@/lib/sources/source-config";
import type { createSourceBody, updateSourceBody } from "@/lib/validation/sources";
import type { z } from "zod";

function assertCanManage(actor: Actor) {
  if (!can(actor.role, "source:manage")) throw new AppError("forbidden", "Only admins manage sources");
}

export async function createSource({ actor, input, db = getDb() }: { actor: Actor; input: z.infer<typeof createSourceBody>; db?: Queryable }) {
  assertCanManage(actor);
  const config = validateSourceConfig(input.kind, input.config);
  const [source] = await db.insert(sources).values({ ...input, config: config as Record<string, string> }).returning();
  return source!;
}

export async function updateSource({ actor, id, input, db = getDb() }: { actor: Actor; id: string; input: z.infer<typeof updateSourceBody>; db?: Queryable }) {
  assertCanManage(actor);
  const [current] = await db.select().from(sources).where(and(eq(sources.id, id), isNull(sources.deletedAt))).for("update");
  if (!current) throw notFound("Source");
  const config = input.config ? validateSourceConfig(current.kind, input.config) : current.config;
  const [source] = await db
    .update(sources)
    .set({ ...input, config: config as Record<string, string> })
    .where(eq(sources.id, id))
    .returning();
  return { before: current, after: source! };
}
