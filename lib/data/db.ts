import "server-only";
export { getDb } from "@/db/client";
export type { Db, Queryable, Tx } from "@/db/client";
