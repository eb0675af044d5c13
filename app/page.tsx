import { redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/page-guard";
import { landingFor } from "@/lib/navigation";

/** Home is where the actor's role works (lib/navigation.ts): My tasks for owners, the overview for founders. Sign-in lands here. */
export default async function Home() {
  const actor = await requireActor();
  redirect(landingFor(actor.role));
}
