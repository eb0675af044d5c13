import { Suspense } from "react";
import { OwnershipMatrix } from "@/components/ownership/ownership-matrix";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";
import { listSources } from "@/lib/data/secrets/list-sources";

export const metadata = { title: "Ownership matrix" };

export default async function OwnershipPage() {
  const actor = await requirePermission("ownership:read");
  const sources = await listSources({ actor });
  const canAssign = can(actor.role, "ownership:assign");
  return (
    <>
      <PageHeader
        title="Ownership matrix"
        description={
          <>
            Every secret needs four people: a <b>creator</b>, an <b>operator</b> who rotates it, an <b>approver</b> who is not the operator, and an{" "}
            <b>incident commander</b> who leads when it leaks. Gaps, conflicts and offboarded holders are highlighted.
            {canAssign && (actor.role === "admin" ? " You can reassign any role" : " You can reassign roles on secrets you approve")}
            {canAssign && ": choose someone, then Save (or Enter); Escape cancels. Every change is audited and can be undone."}
          </>
        }
      />
      <Suspense>
        <OwnershipMatrix actorId={actor.id} isAdmin={actor.role === "admin"} canAssign={canAssign} sources={sources} />
      </Suspense>
    </>
  );
}
