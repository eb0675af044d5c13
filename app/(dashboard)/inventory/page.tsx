import { Suspense } from "react";
import { InventoryTable } from "@/components/inventory/inventory-table";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";
import { listSources } from "@/lib/data/secrets/list-sources";

export const metadata = { title: "Inventory" };

export default async function InventoryPage() {
  const actor = await requirePermission("secret:read");
  const sources = await listSources({ actor });
  return (
    <>
      <PageHeader
        title="Inventory"
        description={
          actor.role === "owner"
            ? "The secrets you hold a role on. Unknown fields are shown as unknown and counted: hidden uncertainty is the real risk."
            : "Every secret the company has, from every source. Unknown fields are shown as unknown and counted: hidden uncertainty is the real risk."
        }
      />
      <Suspense>
        <InventoryTable sources={sources} canExport={can(actor.role, "secret:export")} />
      </Suspense>
    </>
  );
}
