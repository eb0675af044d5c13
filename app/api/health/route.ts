// Liveness and database reachability for load balancers and `keyledger start`. Public, says nothing.
import { sql } from "drizzle-orm";
import { getDb } from "@/lib/data/db";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    await getDb().execute(sql`select 1`);
    return Response.json({ status: "ok" });
  } catch {
    return Response.json({ status: "database unreachable" }, { status: 503 });
  }
}
