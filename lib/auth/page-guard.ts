import "server-only";
// Pages check access here; the DAL scopes the data again underneath. proxy.ts only redirects.
import { forbidden, redirect } from "next/navigation";
import type { Actor } from "@/lib/auth/actor";
import { can, type Permission } from "@/lib/auth/permissions";
import { getSessionActor } from "@/lib/auth/session";

export async function requireActor(): Promise<Actor> {
  const actor = await getSessionActor();
  if (!actor) redirect("/sign-in");
  return actor;
}

export async function requirePermission(permission: Permission): Promise<Actor> {
  const actor = await requireActor();
  if (!can(actor.role, permission)) forbidden();
  return actor;
}
