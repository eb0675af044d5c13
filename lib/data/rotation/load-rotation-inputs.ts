import "server-only";
// What the rotation rules need from the database: the policy rows, the settings, and per secret its
// policy facts, dates, active owners, override and task history. Loaded in a few set-based queries
// so the daily job costs the same for 20 secrets or 20 000.
import { sql, type SQL } from "drizzle-orm";
import { rotationPolicies, rotationSettings } from "@/db/schema-rotation";
import type { Queryable } from "@/lib/data/db";
import { DEFAULT_POLICIES, type Environment, type OverrideRow, type PolicyRow } from "@/lib/domain/rotation/policy";
import type { ActiveTask, AssigneeRole, DueBasis, OpenedVia, RotationFacts, TaskStatus } from "@/lib/domain/rotation/schedule";

export type RotationSettings = { leadDays: number; escalateAfterDays: number; engineerHoursPerMonth: number; minutesPerRotation: number; updatedAt: Date | null };
export const DEFAULT_SETTINGS: RotationSettings = { leadDays: 14, escalateAfterDays: 3, engineerHoursPerMonth: 8, minutesPerRotation: 30, updatedAt: null };

export async function loadPolicies(db: Queryable): Promise<(PolicyRow & { updatedAt: Date | null })[]> {
  const rows = await db.select().from(rotationPolicies).orderBy(rotationPolicies.tier, sql`case ${rotationPolicies.environment} when 'prod' then 1 when 'staging' then 2 else 3 end`);
  // The migration inserts every row; a database wiped by hand falls back to the defaults.
  if (!rows.length) return DEFAULT_POLICIES.map((row) => ({ ...row, updatedAt: null }));
  return rows.map(({ tier, environment, intervalDays, graceDays, requiresApproval, updatedAt }) => ({ tier, environment, intervalDays, graceDays, requiresApproval, updatedAt }));
}

export async function loadSettings(db: Queryable): Promise<RotationSettings> {
  const [row] = await db.select().from(rotationSettings).limit(1);
  if (!row) return DEFAULT_SETTINGS;
  const { leadDays, escalateAfterDays, engineerHoursPerMonth, minutesPerRotation, updatedAt } = row;
  return { leadDays, escalateAfterDays, engineerHoursPerMonth, minutesPerRotation, updatedAt };
}

export type SecretState = {
  id: string;
  name: string;
  tier: number | null;
  environment: Environment | null;
  lifetime: "static" | "short_lived" | null;
  kind: string | null;
  sourceKind: string;
  versionCount: number | null;
  facts: RotationFacts;
  roles: { operatorId: string | null; approverId: string | null };
  override: OverrideRow | null;
  active: ActiveTask | null;
};

type StateRow = {
  id: string;
  name: string;
  tier: number | null;
  environment: Environment | null;
  lifetime: "static" | "short_lived" | null;
  kind: string | null;
  source_kind: string;
  version_count: number | null;
  last_rotated_at: Date | null;
  created_in_source_at: Date | null;
  created_at: Date;
  last_recorded_at: Date | null;
  last_skip_at: Date | null;
  last_skip_id: string | null;
  operator_id: string | null;
  approver_id: string | null;
  o_exempt: boolean | null;
  o_interval: number | null;
  o_grace: number | null;
  o_reason: string | null;
  t_id: string | null;
  t_status: TaskStatus | null;
  t_due_at: Date | null;
  t_grace_until: Date | null;
  t_due_basis: DueBasis | null;
  t_basis_at: Date | null;
  t_assignee_id: string | null;
  t_assignee_role: AssigneeRole | null;
  t_requires_approval: boolean | null;
  t_opened_via: OpenedVia | null;
  t_acknowledged_at: Date | null;
};

const date = (v: Date | string | null) => (v === null ? null : new Date(v));
const holder = (role: string) => sql.raw(`(select ra.person_id from role_assignments ra join people p on p.id = ra.person_id
  where ra.secret_id = s.id and ra.role = '${role}' and p.status = 'active')`);

/** Every secret still in its store (not missing, unless asked), optionally only some; `where` may use `s`. */
export async function loadSecretStates(db: Queryable, where: SQL = sql`true`, options: { includeMissing?: boolean } = {}): Promise<SecretState[]> {
  const result = await db.execute<StateRow>(sql`
    select s.id, s.name, s.tier, s.environment, s.lifetime, s.kind, src.kind as source_kind, s.version_count,
      s.last_rotated_at, s.created_in_source_at, s.created_at,
      (select max(d.completed_at) from rotation_tasks d where d.secret_id = s.id and d.status = 'done') as last_recorded_at,
      k.at as last_skip_at, k.id as last_skip_id,
      ${holder("operator")} as operator_id, ${holder("approver")} as approver_id,
      o.exempt as o_exempt, o.interval_days as o_interval, o.grace_days as o_grace, o.reason as o_reason,
      t.id as t_id, t.status as t_status, t.due_at as t_due_at, t.grace_until as t_grace_until, t.due_basis as t_due_basis,
      t.basis_at as t_basis_at, t.assignee_id as t_assignee_id, t.assignee_role as t_assignee_role, t.requires_approval as t_requires_approval,
      t.opened_via as t_opened_via, t.acknowledged_at as t_acknowledged_at
    from secrets s
    join sources src on src.id = s.source_id
    left join rotation_overrides o on o.secret_id = s.id
    -- The last skip by a person (completion 'auto' is Keyledger closing a task: no one skipped it).
    left join lateral (select k.id, coalesce(k.skipped_at, k.updated_at) as at from rotation_tasks k
      where k.secret_id = s.id and k.kind = 'scheduled' and k.status = 'skipped' and k.completion is null
      order by coalesce(k.skipped_at, k.updated_at) desc limit 1) k on true
    left join rotation_tasks t on t.secret_id = s.id and t.kind = 'scheduled' and t.status in ('open', 'acknowledged', 'awaiting_approval')
    where ${options.includeMissing ? sql`true` : sql`s.missing_since is null`} and ${where}
    order by s.id`);
  return result.rows.map((r) => ({
    id: r.id,
    name: r.name,
    tier: r.tier,
    environment: r.environment,
    lifetime: r.lifetime,
    kind: r.kind,
    sourceKind: r.source_kind,
    versionCount: r.version_count,
    facts: {
      lastRotatedAt: date(r.last_rotated_at),
      lastRecordedAt: date(r.last_recorded_at),
      createdInSourceAt: date(r.created_in_source_at),
      registeredAt: new Date(r.created_at),
      lastSkip: r.last_skip_id === null ? null : { at: new Date(r.last_skip_at as Date), taskId: r.last_skip_id },
    },
    roles: { operatorId: r.operator_id, approverId: r.approver_id },
    override: r.o_reason === null ? null : { exempt: Boolean(r.o_exempt), intervalDays: r.o_interval, graceDays: r.o_grace, reason: r.o_reason },
    active:
      r.t_id === null
        ? null
        : {
            id: r.t_id,
            kind: "scheduled",
            status: r.t_status as TaskStatus,
            dueAt: new Date(r.t_due_at as Date),
            graceUntil: new Date(r.t_grace_until as Date),
            dueBasis: r.t_due_basis,
            basisAt: date(r.t_basis_at),
            assigneeId: r.t_assignee_id,
            assigneeRole: r.t_assignee_role,
            requiresApproval: Boolean(r.t_requires_approval),
            openedVia: r.t_opened_via,
            acknowledgedAt: date(r.t_acknowledged_at),
          },
  }));
}
