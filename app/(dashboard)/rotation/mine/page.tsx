import { Suspense } from "react";
import { CalendarFeedCard } from "@/components/rotation/calendar-feed-card";
import { MyTasks } from "@/components/rotation/my-tasks";
import { ReminderPreferences } from "@/components/rotation/reminder-preferences";
import { requirePermission } from "@/lib/auth/page-guard";
import { listFeedTeams } from "@/lib/data/calendar-feeds/list-feed-teams";

export const metadata = { title: "My rotation tasks" };

export default async function MyTasksPage() {
  const actor = await requirePermission("rotation:work");
  const teams = await listFeedTeams({ actor });
  return (
    <div className="grid grid-cols-1 items-start gap-4 lg:grid-cols-[minmax(0,1fr)_22rem]">
      <div className="min-w-0">
        <Suspense>
          <MyTasks me={{ id: actor.id, name: actor.name }} />
        </Suspense>
      </div>
      <div className="space-y-4">
        <CalendarFeedCard personId={actor.id} teams={teams} />
        <ReminderPreferences />
      </div>
    </div>
  );
}
