"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useRef, useState } from "react";
import { BookOpen, CalendarClock, FileCheck2, Gauge, Grid3x3, List, Menu, Plug, Radar, ScrollText, Users, X } from "lucide-react";
import { SignedIn } from "@/components/shell/signed-in";
import { Logo } from "@/components/ui/logo";
import type { Actor } from "@/lib/auth/actor";
import type { Area } from "@/lib/navigation";

const ICONS = { gauge: Gauge, list: List, grid: Grid3x3, users: Users, plug: Plug, scroll: ScrollText, calendar: CalendarClock, radar: Radar, book: BookOpen, file: FileCheck2 };

type NavArea = Pick<Area, "href" | "label" | "icon"> & { planned: boolean };

/**
 * The areas and who is signed in. From md up a sidebar; on a phone a bar across the top whose Menu
 * button opens the same list below it — a choice or Escape closes it, so the page starts at the top.
 */
export function Sidebar({ areas, actor }: { areas: NavArea[]; actor: Actor }) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const active = (href: string) => pathname === href || pathname.startsWith(`${href}/`) || (href === "/inventory" && pathname.startsWith("/secrets/"));
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  return (
    <aside
      className="flex w-full shrink-0 flex-col bg-ink px-3 py-2 text-slate-300 md:sticky md:top-0 md:h-screen md:w-60 md:py-5"
      onKeyDown={(e) => open && e.key === "Escape" && close()}
    >
      <div className="flex items-center justify-between gap-3 px-2 md:pb-6">
        <Logo dark />
        <button
          ref={button}
          type="button"
          aria-expanded={open}
          aria-controls="main-menu"
          onClick={() => setOpen(!open)}
          className="-mr-1 inline-flex items-center gap-1.5 rounded-lg px-2.5 py-2 text-sm font-medium text-slate-200 hover:bg-white/10 md:hidden"
        >
          {open ? <X className="size-5" aria-hidden /> : <Menu className="size-5" aria-hidden />} Menu
        </button>
      </div>
      <div id="main-menu" className={`${open ? "flex" : "hidden"} flex-col pt-2 md:flex md:min-h-0 md:flex-1 md:pt-0`}>
        <nav aria-label="Main" className="space-y-0.5 md:flex-1 md:overflow-y-auto">
          {areas.map(({ href, label, icon, planned }) => {
            const Icon = ICONS[icon];
            return (
              <Link
                key={href}
                href={href}
                onClick={() => setOpen(false)}
                aria-current={active(href) ? "page" : undefined}
                className={`flex items-center gap-2.5 rounded-lg px-2.5 py-2.5 text-sm transition md:py-2 ${active(href) ? "bg-white/10 font-medium text-white" : "hover:bg-white/5 hover:text-white"}`}
              >
                <Icon className="size-4 shrink-0" aria-hidden />
                <span className="flex-1">{label}</span>
                {planned && <span className="rounded bg-white/10 px-1.5 text-[10px] tracking-wide text-slate-400 uppercase">soon</span>}
              </Link>
            );
          })}
        </nav>
        <SignedIn actor={actor} />
      </div>
    </aside>
  );
}
