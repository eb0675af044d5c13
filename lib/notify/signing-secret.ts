// The key that signs unsubscribe links: NEXTAUTH_SECRET. The web process always has it (keyledger
// start passes it on); the worker beside the embedded default database reads the same secret from
// the file keyledger start keeps in the data directory when NEXTAUTH_SECRET is not set.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { env, type Env } from "@/lib/env";

export async function reminderSigningSecret(e: Env = env()): Promise<string | null> {
  if (e.NEXTAUTH_SECRET) return e.NEXTAUTH_SECRET;
  if (e.DATABASE_URL) return null;
  const stored = await readFile(path.resolve(e.KEYLEDGER_DATA_DIR, "auth-secret"), "utf8").catch(() => "");
  return stored.trim() || null;
}
