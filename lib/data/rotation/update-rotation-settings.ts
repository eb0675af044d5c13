import "server-only";
// An admin changes the rotation settings (lead time, escalation delay, capacity inputs); any
// subset. A longer lead time opens the tasks now within it at once; a shorter one withdraws the
// untouched tasks a longer one opened (setting it back restores the tasks as they were).
import { rotationSettings } from "@/db/schema-rotation";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getDb, type Queryable } from "@/lib/data/db";
import type { RotationSettingsJson } from "@/lib/data/rotation/get-rotation-policies";
import { loadSettings } from "@/lib/data/rotation/load-rotation-inputs";
import { reconcileRotationTasks } from "@/lib/data/rotation/reconcile-rotation-tasks";
import { countsOf } from "@/lib/data/rotation/task-change";
import { recordRotationEvent, type EventContext } from "@/lib/data/rotation/record-rotation-event";
import { validateSettings, type SettingsInput } from "@/lib/domain/rotation/validate";
import { AppError } from "@/lib/errors";

export async function updateRotationSettings(args: { actor: Actor; input: SettingsInput; db?: Queryable; now?: Date; context?: EventContext }): Promise<RotationSettingsJson> {
  const { actor, input, db = getDb(), now = new Date() } = args;
  if (!can(actor.role, "rotation:manage")) throw new AppError("forbidden", "Only an admin can change rotation settings");
  const errors = validateSettings(input);
  if (errors.length) throw new AppError("bad_request", "Invalid settings", errors);
  return db.transaction(async (tx) => {
    const before = await loadSettings(tx);
    const { updatedAt: _updatedAt, ...current } = before;
    const next = { ...current, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) } as RotationSettingsJson;
    await tx
      .insert(rotationSettings)
      .values({ id: 1, ...next, updatedAt: now, updatedBy: actor.id })
      .onConflictDoUpdate({ target: rotationSettings.id, set: { ...next, updatedAt: now, updatedBy: actor.id } });
    const tasks = next.leadDays !== current.leadDays ? countsOf(await reconcileRotationTasks({ db: tx, now, origin: { via: "settings_change", by: actor.id } })) : undefined;
    await recordRotationEvent({ db: tx, actor, action: "policy_change", rawAction: "rotation.settings_update", detail: { from: current, to: next, ...(tasks ? { tasks } : {}) }, context: args.context });
    return next;
  });
}
