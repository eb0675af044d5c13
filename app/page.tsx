import { redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";
import { AREAS } from "@/lib/navigation";

/** Home is the first area this role may open: the overview for founders, the inventory for owners. */
export default async function Home() {
  const actor = await requireActor();
  const first = AREAS.find((a) => can(actor.role, a.permission));
  redirect(first?.href ?? "/sign-in");
}
