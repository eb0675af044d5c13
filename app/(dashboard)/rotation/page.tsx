import { Suspense } from "react";
import { RotationCalendar } from "@/components/rotation/rotation-calendar";
import { requirePermission } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";

export const metadata = { title: "Rotation calendar" };

export default async function RotationCalendarPage() {
  const actor = await requirePermission("rotation:read");
  return (
    <Suspense>
      <RotationCalendar canListPeople={can(actor.role, "person:read")} canWork={can(actor.role, "rotation:work")} />
    </Suspense>
  );
}
