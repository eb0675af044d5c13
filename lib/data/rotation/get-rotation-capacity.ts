import "server-only";
// The capacity calculator's inputs from the registry (the secrets the actor can see, each with its
// effective policy), the measured minutes per rotation (acknowledged → completed of the last year's
// tasks) and the settings; the maths is lib/domain/rotation/capacity.ts.
import { and, gte, isNotNull, sql } from "drizzle-orm";
import { secrets } from "@/db/schema";
import { rotationTasks } from "@/db/schema-rotation";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getDb, type Queryable } from "@/lib/data/db";
import { loadPolicies, loadSecretStates, loadSettings } from "@/lib/data/rotation/load-rotation-inputs";
import { secretScope } from "@/lib/data/scope";
import { chooseMinutes, computeCapacity, type Capacity, type CapacitySecret } from "@/lib/domain/rotation/capacity";
import { resolvePolicy } from "@/lib/domain/rotation/policy";
import { DAY_MS } from "@/lib/domain/rotation/schedule";
import { AppError } from "@/lib/errors";

/** Stores that can rotate a secret themselves, and kinds a secrets engine can issue on demand. */
const AUTOMATABLE_SOURCES = new Set(["aws_secrets_manager", "vault", "gcp_secret_manager", "azure_key_vault"]);
const AUTOMATABLE_KINDS = new Set(["database_credential"]);

export async function getRotationCapacity(args: {
  actor: Actor;
  engineerHoursPerMonth?: number;
  minutesPerRotation?: number;
  db?: Queryable;
  now?: Date;
}): Promise<Capacity> {
  const { actor, db = getDb(), now = new Date() } = args;
  if (!can(actor.role, "rotation:read")) throw new AppError("forbidden", `Your role (${actor.role}) cannot see the rotation calendar`);
  // loadSecretStates reads `secrets s`; the scope helper names the table, so scope by id.
  const scoped = sql`s.id in (select ${secrets.id} from ${secrets} where ${secretScope(actor)})`;
  const [policies, settings, states, timings] = await Promise.all([
    loadPolicies(db),
    loadSettings(db),
    loadSecretStates(db, scoped),
    db
      .select({ minutes: sql<number>`extract(epoch from (${rotationTasks.completedAt} - ${rotationTasks.acknowledgedAt})) / 60` })
      .from(rotationTasks)
      .innerJoin(secrets, sql`${secrets.id} = ${rotationTasks.secretId}`)
      .where(
        and(
          secretScope(actor),
          sql`${rotationTasks.status} = 'done'`,
          isNotNull(rotationTasks.acknowledgedAt),
          sql`${rotationTasks.completedAt} > ${rotationTasks.acknowledgedAt}`,
          gte(rotationTasks.completedAt, new Date(now.getTime() - 365 * DAY_MS)),
        ),
      ),
  ]);
  const capacitySecrets: CapacitySecret[] = states.map((state) => {
    const policy = resolvePolicy({ secret: state, policies, override: state.override });
    return {
      id: state.id,
      name: state.name,
      intervalDays: policy.exempt ? null : policy.intervalDays,
      highImpact: !policy.exempt && (state.tier === null || state.tier <= 2),
      automatable: AUTOMATABLE_SOURCES.has(state.sourceKind) || (state.kind !== null && AUTOMATABLE_KINDS.has(state.kind)),
    };
  });
  const samples = timings.map((t) => Number(t.minutes));
  return computeCapacity({
    secrets: capacitySecrets,
    minutes: chooseMinutes({ input: args.minutesPerRotation, samples, setting: settings.minutesPerRotation }),
    samples: samples.length,
    engineerHoursPerMonth: args.engineerHoursPerMonth ?? settings.engineerHoursPerMonth,
  });
}
