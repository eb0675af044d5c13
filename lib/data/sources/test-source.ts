import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { sources } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/data/db";
import { AppError, notFound } from "@/lib/errors";
import { redact } from "@/lib/log";
import { connectSource } from "@/lib/sources/registry";
import { SourceError } from "@/lib/sources/source-error";

export type ConnectionTest = { ok: true; detail: string } | { ok: false; code: string; error: string };

/** "Test connection": one cheap metadata call with the configured credentials, 20 s at most. */
export async function testSource({ actor, id }: { actor: Actor; id: string }): Promise<ConnectionTest> {
  if (!can(actor.role, "source:manage")) throw new AppError("forbidden", "Only admins test sources");
  const [source] = await getDb().select().from(sources).where(and(eq(sources.id, id), isNull(sources.deletedAt)));
  if (!source) throw notFound("Source");
  if (source.config.demo === "true") return { ok: false, code: "demo", error: "This is a demo source with sample data: there is no store to connect to." };
  try {
    const { connector, ctx } = connectSource(source, { fetch, signal: AbortSignal.timeout(20_000) });
    const result = await connector.testConnection(ctx);
    return { ok: true, detail: result.detail };
  } catch (error) {
    const message = redact(error instanceof Error ? error.message : String(error));
    return { ok: false, code: error instanceof SourceError ? error.code : "internal", error: message };
  }
}
