import { Suspense } from "react";
import { AccessLogTable } from "@/components/access-log/access-log-table";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/page-guard";

export const metadata = { title: "Access log" };

export default async function AccessLogPage() {
  const actor = await requirePermission("access-log:read");
  return (
    <>
      <PageHeader
        title="Access log"
        description={
          actor.role === "owner"
            ? "Who read, changed or failed to touch the secrets you hold a role on — from the stores' audit logs and Keyledger's own actions."
            : "Who read, changed or failed to touch each secret — from the stores' audit logs (Vault, CloudTrail, GCP, Azure) and Keyledger's own actions."
        }
      />
      <Suspense>
        <AccessLogTable scope={actor.role === "owner" ? "on the secrets you hold a role on" : "company-wide"} />
      </Suspense>
    </>
  );
}
