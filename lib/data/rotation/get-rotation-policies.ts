import "server-only";
// The policy table (tier × environment) and the rotation settings, as the policy page shows them.
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getDb, type Queryable } from "@/lib/data/db";
import { loadPolicies, loadSettings } from "@/lib/data/rotation/load-rotation-inputs";
import { AppError } from "@/lib/errors";

export type RotationPolicyJson = { tier: number; environment: string; intervalDays: number; graceDays: number; requiresApproval: boolean; updatedAt: string | null };
export type RotationSettingsJson = { leadDays: number; escalateAfterDays: number; engineerHoursPerMonth: number; minutesPerRotation: number };

export async function getRotationPolicies({ actor, db = getDb() }: { actor: Actor; db?: Queryable }): Promise<{ policies: RotationPolicyJson[]; settings: RotationSettingsJson }> {
  if (!can(actor.role, "rotation:read")) throw new AppError("forbidden", `Your role (${actor.role}) cannot see rotation policies`);
  const [policies, settings] = await Promise.all([loadPolicies(db), loadSettings(db)]);
  const { updatedAt: _updatedAt, ...rest } = settings;
  return { policies: policies.map((p) => ({ ...p, updatedAt: p.updatedAt?.toISOString() ?? null })), settings: rest };
}
