import Link from "next/link";
import { ChevronLeft } from "lucide-react";
import { SourceForm } from "@/components/sources/source-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/page-guard";

export const metadata = { title: "Add source" };

export default async function NewSourcePage() {
  await requirePermission("source:manage");
  return (
    <>
      <Link href="/sources" className="mb-3 inline-flex items-center gap-1 text-sm text-slate-500 hover:text-ink">
        <ChevronLeft className="size-4" aria-hidden /> Sources
      </Link>
      <PageHeader
        title="Add a source"
        description="Keyledger reads names, dates, versions, rotation settings and tags — never a value. After adding, copy the least-privilege policy shown on the source's page, grant it, then test the connection."
      />
      <div className="max-w-3xl">
        <SourceForm mode="new" />
      </div>
    </>
  );
}
