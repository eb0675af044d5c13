import { PolicyTable } from "@/components/rotation/policy-table";
import { requirePermission } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";

export const metadata = { title: "Rotation policies" };

export default async function RotationPoliciesPage() {
  const actor = await requirePermission("rotation:read");
  return <PolicyTable canManage={can(actor.role, "rotation:manage")} />;
}
