// Liveness and database reachability for load balancers and `keyledger start`. Public, says nothing.
import { checkDatabase } from "@/lib/data/health/check-database";

export const dynamic = "force-dynamic";

export async function GET() {
  return (await checkDatabase()) ? Response.json({ status: "ok" }) : Response.json({ status: "database unreachable" }, { status: 503 });
}
