import { PlannedArea } from "@/components/planned/planned-area";
import { requirePermission } from "@/lib/auth/page-guard";
import { areaFor } from "@/lib/navigation";

const area = areaFor("/runbooks");
export const metadata = { title: area.label };

export default async function Page() {
  const actor = await requirePermission(area.permission);
  return <PlannedArea area={area} role={actor.role} />;
}
