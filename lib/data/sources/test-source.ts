import "server-only";
import { eq } from "drizzle-orm";
import { sources } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/data/db";
import { AppError, notFound } from "@/lib/errors";
import { getConnector } from "@/lib/sources/registry";
import { redact } from "@/lib/log";
import { SourceError } from "@/lib/sources/source-error";
import { DEFAULT_TAG_KEYS, type TagKeys } from "@/lib/sources/tag-mapping";

export type ConnectionTest = { ok: true; detail: string } | { ok: false; code: string; error: string };

/** "Test connection": one cheap metadata call with the configured credentials, 20 s at most. */
export async function testSource({ actor, id }: { actor: Actor; id: string }): Promise<ConnectionTest> {
  if (!can(actor.role, "source:manage")) throw new AppError("forbidden", "Only admins test sources");
  const [source] = await getDb().select().from(sources).where(eq(sources.id, id));
  if (!source) throw notFound("Source");
  if (source.config.demo === "true") return { ok: false, code: "demo", error: "This is a demo source with sample data: there is no store to connect to." };
  const connector = getConnector(source.kind);
  if (!connector) return { ok: false, code: "unsupported", error: `No connector for ${source.kind} yet.` };
  const parsed = connector.configSchema.safeParse(source.config);
  if (!parsed.success) return { ok: false, code: "config", error: `Invalid configuration: ${parsed.error.issues[0]?.path.join(".")} — ${parsed.error.issues[0]?.message}` };
  try {
    const tagKeys = { ...DEFAULT_TAG_KEYS, ...(source.tagKeys ?? {}) } as TagKeys;
    const result = await connector.testConnection({ config: parsed.data, tagKeys, fetch, signal: AbortSignal.timeout(20_000) });
    return { ok: true, detail: result.detail };
  } catch (error) {
    const message = redact(error instanceof Error ? error.message : String(error));
    return { ok: false, code: error instanceof SourceError ? error.code : "internal", error: message };
  }
}
