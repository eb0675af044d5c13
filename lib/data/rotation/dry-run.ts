import "server-only";
// A change run for real inside a transaction that is then rolled back when only a preview was
// asked for: the preview is exactly what applying it would do (the same code, rows and locks),
// and nothing of it is kept — not the change, not its tasks, not its access event.
import type { Queryable } from "@/lib/data/db";

class Rollback extends Error {
  constructor(readonly result: unknown) {
    super("preview: rolled back");
  }
}

export async function dryRun<T>(db: Queryable, preview: boolean, work: (tx: Queryable) => Promise<T>): Promise<T> {
  try {
    return await db.transaction(async (tx) => {
      const result = await work(tx);
      if (preview) throw new Rollback(result);
      return result;
    });
  } catch (error) {
    if (error instanceof Rollback) return error.result as T;
    throw error;
  }
}
