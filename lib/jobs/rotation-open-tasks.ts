// The daily rotation job: first confirm rotations the stores already show (so a secret rotated
// yesterday gets no new task), then open the tasks now within the lead time and bring open ones
// up to date. Runs at 06:00 UTC, before the 08:00 reminder digests.
import type { Db } from "@/db/client";
import { confirmRotations } from "@/lib/data/rotation/confirm-rotations";
import { openDueTasks } from "@/lib/data/rotation/open-due-tasks";

export const ROTATION_OPEN_TASKS_CRON = "0 6 * * *";

/** For the worker's JOBS table: tasks confirmed, opened, updated or closed. */
export async function rotationOpenTasksJob(db: Db, now: Date = new Date()): Promise<number> {
  const confirmed = await confirmRotations({ db, now });
  const { opened, updated, closed } = await openDueTasks({ db, now });
  return confirmed + opened + updated + closed;
}
