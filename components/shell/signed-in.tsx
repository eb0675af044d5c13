"use client";

import { signOut } from "next-auth/react";
import { LogOut } from "lucide-react";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/actor";

/** Who is signed in, as what, and the way out: the foot of the sidebar (the end of the menu on a phone). */
export function SignedIn({ actor }: { actor: Actor }) {
  return (
    <div className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 border-t border-white/10 px-2 pt-3 pb-1 md:mt-0 md:block md:pt-4 md:pb-0">
      <p className="truncate text-sm font-medium text-white" data-testid="signed-in-as">{actor.name}</p>
      <p className="hidden truncate text-xs text-slate-400 md:block">{actor.email}</p>
      <p className="md:mt-1.5">
        <span className="rounded-full bg-white/10 px-2 py-0.5 text-[11px] font-medium text-slate-200" data-testid="signed-in-role">
          {ROLE_LABELS[actor.role]}
        </span>
      </p>
      <button type="button" onClick={() => void signOut({ callbackUrl: "/sign-in" })} className="ml-auto inline-flex items-center gap-1.5 py-1 text-xs text-slate-400 hover:text-white md:mt-3 md:ml-0 md:py-0">
        <LogOut className="size-3.5" aria-hidden /> Sign out
      </button>
    </div>
  );
}
