import { CapacityCalculator } from "@/components/rotation/capacity-calculator";
import { requirePermission } from "@/lib/auth/page-guard";

export const metadata = { title: "Rotation capacity" };

export default async function RotationCapacityPage() {
  await requirePermission("rotation:read");
  return (
    <>
      <p className="mb-4 max-w-3xl text-sm text-slate-600">
        Can the engineers you have keep the policy you announced? Every scheduled secret rotates 30 ÷ interval times a month; times the minutes one safe rotation takes, against the
        engineer-hours you can give it.
      </p>
      <CapacityCalculator />
    </>
  );
}
