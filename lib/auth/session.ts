import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { authOptions } from "@/lib/auth/options";
import type { Actor } from "@/lib/auth/actor";
import { getActiveActor } from "@/lib/data/people/get-active-actor";

/** The signed-in, still-active person for this request, or null. Cached per request. */
export const getSessionActor = cache(async (): Promise<Actor | null> => {
  const session = await getServerSession(authOptions());
  const personId = session?.user?.id;
  return personId ? getActiveActor({ personId }) : null;
});
