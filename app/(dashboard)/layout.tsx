import type { ReactNode } from "react";
import { Providers } from "@/components/shell/providers";
import { Sidebar } from "@/components/shell/sidebar";
import { requireActor } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";
import { AREAS } from "@/lib/navigation";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const actor = await requireActor();
  const areas = AREAS.filter((a) => can(actor.role, a.permission)).map(({ href, label, icon, planned }) => ({ href, label, icon, planned: Boolean(planned) }));
  return (
    <Providers>
      <div className="flex min-h-screen flex-col md:flex-row">
        <Sidebar areas={areas} actor={actor} />
        <main className="min-w-0 flex-1 px-4 py-5 md:px-6 md:py-6">{children}</main>
      </div>
    </Providers>
  );
}
