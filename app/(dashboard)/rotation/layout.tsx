import { Suspense, type ReactNode } from "react";
import { RotationSummary } from "@/components/rotation/rotation-summary";
import { RotationTabs } from "@/components/rotation/rotation-tabs";
import { TaskDrawer } from "@/components/rotation/task-drawer";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";
import { getRotationSummary } from "@/lib/data/rotation/get-rotation-summary";
import { areaFor } from "@/lib/navigation";

const area = areaFor("/rotation");

/** Every rotation tab: the summary, the tabs, and the task drawer any `?task=<id>` link opens. */
export default async function RotationLayout({ children }: { children: ReactNode }) {
  const actor = await requirePermission(area.permission);
  const summary = await getRotationSummary({ actor });
  const me = { id: actor.id, name: actor.name, canWork: can(actor.role, "rotation:work"), canManage: can(actor.role, "rotation:manage") };
  return (
    <>
      <PageHeader
        title="Rotation"
        description={
          actor.role === "owner"
            ? "Rotations due on the secrets you hold a role on: acknowledge yours, rotate, mark done with a note."
            : "Every due rotation lands on a named owner who acknowledges it; the proof that it happened on time is kept."
        }
      />
      <RotationSummary initial={summary} canWork={me.canWork} />
      <RotationTabs canWork={me.canWork} />
      {children}
      <Suspense>
        <TaskDrawer me={me} />
      </Suspense>
    </>
  );
}
