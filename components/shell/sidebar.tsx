"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { signOut } from "next-auth/react";
import { BookOpen, CalendarClock, FileCheck2, Gauge, Grid3x3, List, LogOut, Plug, Radar, ScrollText, Users } from "lucide-react";
import { Logo } from "@/components/ui/logo";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/actor";
import type { Area } from "@/lib/navigation";

const ICONS = { gauge: Gauge, list: List, grid: Grid3x3, users: Users, plug: Plug, scroll: ScrollText, calendar: CalendarClock, radar: Radar, book: BookOpen, file: FileCheck2 };

type NavArea = Pick<Area, "href" | "label" | "icon"> & { planned: boolean };

export function Sidebar({ areas, actor }: { areas: NavArea[]; actor: Actor }) {
  const pathname = usePathname();
  const active = (href: string) => pathname === href || pathname.startsWith(`${href}/`) || (href === "/inventory" && pathname.startsWith("/secrets/"));
  return (
    // On a phone the sidebar is a bar across the top: the logo, the areas in one scrolling row, who is signed in.
    <aside className="flex w-full shrink-0 flex-col bg-ink px-3 py-3 text-slate-300 md:sticky md:top-0 md:h-screen md:w-60 md:py-5">
      <div className="px-2 pb-3 md:pb-6">
        <Logo dark />
      </div>
      <nav aria-label="Main" className="-mx-1 flex gap-1 overflow-x-auto px-1 pb-1 md:mx-0 md:block md:flex-1 md:space-y-0.5 md:overflow-visible md:px-0 md:pb-0">
        {areas.map(({ href, label, icon, planned }) => {
          const Icon = ICONS[icon];
          return (
            <Link
              key={href}
              href={href}
              aria-current={active(href) ? "page" : undefined}
              className={`flex shrink-0 items-center gap-2.5 whitespace-nowrap rounded-lg px-2.5 py-2 text-sm transition ${active(href) ? "bg-white/10 font-medium text-white" : "hover:bg-white/5 hover:text-white"}`}
            >
              <Icon className="size-4 shrink-0" aria-hidden />
              <span className="flex-1">{label}</span>
              {planned && <span className="rounded bg-white/10 px-1.5 text-[10px] uppercase tracking-wide text-slate-400">soon</span>}
            </Link>
          );
        })}
      </nav>
      <div className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 border-t border-white/10 px-2 pt-3 md:mt-0 md:block md:pt-4">
        <p className="truncate text-sm font-medium text-white" data-testid="signed-in-as">{actor.name}</p>
        <p className="hidden truncate text-xs text-slate-400 md:block">{actor.email}</p>
        <p className="md:mt-1.5">
          <span className="rounded-full bg-white/10 px-2 py-0.5 text-[11px] font-medium text-slate-200" data-testid="signed-in-role">
            {ROLE_LABELS[actor.role]}
          </span>
        </p>
        <button type="button" onClick={() => void signOut({ callbackUrl: "/sign-in" })} className="ml-auto inline-flex items-center gap-1.5 text-xs text-slate-400 hover:text-white md:ml-0 md:mt-3">
          <LogOut className="size-3.5" aria-hidden /> Sign out
        </button>
      </div>
    </aside>
  );
}
