import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { apiTokens } from "@/db/schema-ingest";
import { getDb, type Queryable } from "@/lib/data/db";
import { hashToken, TOKEN_PREFIX } from "@/lib/auth/api-token";

export type TokenPrincipal = { id: string; name: string; scopes: string[] };

/** The active token a bearer credential belongs to, or null; marks it used. */
export async function findTokenBySecret({ token, db = getDb() }: { token: string; db?: Queryable }): Promise<TokenPrincipal | null> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 100) return null;
  const [row] = await db
    .update(apiTokens)
    .set({ lastUsedAt: new Date() })
    .where(and(eq(apiTokens.tokenHash, hashToken(token)), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id, name: apiTokens.name, scopes: apiTokens.scopes });
  return row ?? null;
}
