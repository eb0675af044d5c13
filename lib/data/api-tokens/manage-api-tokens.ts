import "server-only";
import { and, desc, eq, isNull } from "drizzle-orm";
import { people } from "@/db/schema";
import { apiTokens } from "@/db/schema-ingest";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getDb, type Queryable } from "@/lib/data/db";
import { newToken } from "@/lib/auth/api-token";
import { AppError, notFound } from "@/lib/errors";

function assertCanManage(actor: Actor) {
  if (!can(actor.role, "token:manage")) throw new AppError("forbidden", "Only admins manage API tokens");
}

/** The token is returned this once and never again. */
export async function createApiToken({ actor, name, db = getDb() }: { actor: Actor; name: string; db?: Queryable }) {
  assertCanManage(actor);
  const { token, prefix, hash } = newToken();
  const [row] = await db.insert(apiTokens).values({ name, prefix, tokenHash: hash, scopes: ["ingest"], createdBy: actor.id }).returning({ id: apiTokens.id, name: apiTokens.name, prefix: apiTokens.prefix });
  return { ...row!, token };
}

export async function listApiTokens({ actor, db = getDb() }: { actor: Actor; db?: Queryable }) {
  assertCanManage(actor);
  return db
    .select({ id: apiTokens.id, name: apiTokens.name, prefix: apiTokens.prefix, scopes: apiTokens.scopes, createdAt: apiTokens.createdAt, lastUsedAt: apiTokens.lastUsedAt, revokedAt: apiTokens.revokedAt, createdBy: people.name })
    .from(apiTokens)
    .leftJoin(people, eq(people.id, apiTokens.createdBy))
    .orderBy(desc(apiTokens.createdAt));
}

export async function revokeApiToken({ actor, id, db = getDb() }: { actor: Actor; id: string; db?: Queryable }) {
  assertCanManage(actor);
  const [row] = await db.update(apiTokens).set({ revokedAt: new Date() }).where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt))).returning({ id: apiTokens.id, name: apiTokens.name });
  if (!row) throw notFound("Active API token");
  return row;
}
