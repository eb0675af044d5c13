import "server-only";
// What offboarding a person means, before anything changes: every ownership role they hold with a
// suggested new holder, and every secret to rotate now with the reason — they held a role on it,
// or an audit log shows them reading or changing it in the last 90 days.
//
// People are matched to access events by e-mail, case-insensitively: an actor that is the e-mail
// (Keyledger, GCP, Azure users) or ends in "/<e-mail>" (Vault OIDC display names, AWS Identity
// Center sessions). IAM users with other names and workload identities (roles, service accounts,
// AppRoles) are not matched to people. Only successful reads and writes of the value count, and
// not Keyledger's own events: Keyledger never handles a value.
import { and, asc, eq, inArray, ne, sql } from "drizzle-orm";
import { people, roleAssignments, secrets, sources, type OwnershipRole } from "@/db/schema";
import { calendarFeeds, rotationTasks } from "@/db/schema-rotation";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { feedsHeldBy } from "@/lib/data/calendar-feeds/feed-scope";
import { getDb, type Queryable } from "@/lib/data/db";
import { secretScope } from "@/lib/data/scope";
import { ACTIVE_STATUSES } from "@/lib/domain/rotation/schedule";
import { AppError, notFound } from "@/lib/errors";

const ACCESS_WINDOW_DAYS = 90;
const DAY_MS = 86_400_000;
/** Reading or setting a value is what makes a secret worth rotating; describe/list/tags are not. */
const VALUE_ACTIONS = ["read", "create", "update", "rotate"] as const;
/** Whose experience with a secret counts first when suggesting a new holder. */
const ROLE_PREFERENCE: OwnershipRole[] = ["operator", "incident_commander", "approver", "creator"];
const ROLE_WORDS: Record<OwnershipRole, string> = { creator: "creator", operator: "operator", approver: "approver", incident_commander: "incident commander" };

export type Candidate = { id: string; name: string; email: string; team: string | null; role: string; rolesHeld: number; canWorkTasks: boolean };
export type Suggestion = { personId: string; name: string; why: string } | null;
export type PlannedRole = {
  secretId: string;
  secretName: string;
  tier: number | null;
  environment: string | null;
  sourceName: string;
  role: OwnershipRole;
  suggestion: Suggestion;
};
export type PlannedRotation = {
  secretId: string;
  secretName: string;
  tier: number | null;
  environment: string | null;
  sourceName: string;
  heldRoles: OwnershipRole[];
  lastAccess: { at: string; action: string } | null;
  /** "held operator and approver", "read it on 2026-11-02". */
  reasons: string[];
  /** What the rotate-now task records: "Offboarding of Dana Ruiz: held operator, read it on 2026-11-02". */
  reason: string;
  /** A rotate-now task already in flight for the secret: the reason is added to it. */
  rotateNowOpen: boolean;
};
export type OffboardingPlan = Awaited<ReturnType<typeof getOffboardingPlan>>;

export async function getOffboardingPlan({ actor, personId, db = getDb(), now = new Date() }: { actor: Actor; personId: string; db?: Queryable; now?: Date }) {
  if (!can(actor.role, "person:offboard")) throw new AppError("forbidden", "Only an admin can offboard a person");
  const [person] = await db.select().from(people).where(eq(people.id, personId)).limit(1);
  if (!person) throw notFound("Person");

  // One query after the other: `db` may be a transaction, one connection.
  const held = await db
    .select({ secretId: secrets.id, secretName: secrets.name, tier: secrets.tier, environment: secrets.environment, sourceName: sources.name, role: roleAssignments.role })
    .from(roleAssignments)
    .innerJoin(secrets, eq(secrets.id, roleAssignments.secretId))
    .innerJoin(sources, eq(sources.id, secrets.sourceId))
    .where(and(eq(roleAssignments.personId, personId), secretScope(actor)))
    .orderBy(sql`${secrets.tier} asc nulls last`, asc(secrets.name), asc(roleAssignments.role));
  const heldIds = [...new Set(held.map((h) => h.secretId))];
  const others = heldIds.length
    ? await db
        .select({ secretId: roleAssignments.secretId, role: roleAssignments.role, personId: roleAssignments.personId })
        .from(roleAssignments)
        .innerJoin(people, eq(people.id, roleAssignments.personId))
        .where(and(inArray(roleAssignments.secretId, heldIds), ne(roleAssignments.personId, personId), eq(people.status, "active")))
    : [];
  const candidates = await listCandidates(db, personId);
  const accesses = await findRecentAccess(db, actor, person.email, new Date(now.getTime() - ACCESS_WINDOW_DAYS * DAY_MS));
  const rotationIds = [...new Set([...heldIds, ...accesses.map((a) => a.secretId)])];
  const inFlight = rotationIds.length
    ? await db
        .select({ secretId: rotationTasks.secretId })
        .from(rotationTasks)
        .where(and(inArray(rotationTasks.secretId, rotationIds), eq(rotationTasks.kind, "rotate_now"), inArray(rotationTasks.status, [...ACTIVE_STATUSES])))
    : [];
  const [tasks] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(rotationTasks)
    .where(and(eq(rotationTasks.assigneeId, personId), inArray(rotationTasks.status, ["open", "acknowledged"])));
  const [feeds] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(calendarFeeds)
    .where(feedsHeldBy(personId));

  const roles = suggestHolders({ held, others, candidates, team: person.team, actor });
  const rotations = planRotations({ name: person.name, held, accesses, rotateNowOpen: new Set(inFlight.map((t) => t.secretId)) });
  return {
    person: { id: person.id, name: person.name, email: person.email, team: person.team, status: person.status, offboardedAt: person.offboardedAt?.toISOString() ?? null },
    roles,
    rotations,
    candidates,
    /** Open or acknowledged rotation tasks assigned to them now: they follow each secret's new operator. */
    tasksAssignedToThem: tasks?.count ?? 0,
    /** Calendar feeds whose URL they may hold (their own, and those they made): all revoked. */
    feedsToRevoke: feeds?.count ?? 0,
    windowDays: ACCESS_WINDOW_DAYS,
    gapsLeftIfEmpty: roles.filter((r) => r.suggestion === null).length,
  };
}

/** Everyone active but the person, with their team and how many roles they already hold. */
async function listCandidates(db: Queryable, personId: string): Promise<Candidate[]> {
  const rows = await db
    .select({
      id: people.id,
      name: people.name,
      email: people.email,
      team: people.team,
      role: people.role,
      rolesHeld: sql<number>`(select count(*)::int from ${roleAssignments} ra where ra.person_id = ${people.id})`,
    })
    .from(people)
    .where(and(eq(people.status, "active"), ne(people.id, personId)))
    .orderBy(asc(people.name));
  return rows.map((r) => ({ ...r, canWorkTasks: can(r.role, "rotation:work") }));
}

type Access = { secretId: string; secretName: string; tier: number | null; environment: string | null; sourceName: string; at: Date; action: string };

/** Their latest successful read or write of each secret in the window, matched by e-mail. */
async function findRecentAccess(db: Queryable, actor: Actor, email: string, since: Date): Promise<Access[]> {
  const address = email.toLowerCase();
  // The few distinct actors first (a small table), then the log by equality — as the access log's search does.
  const rows = await db.execute<{ secret_id: string; at: Date | string; action: string }>(sql`
    select distinct on (e.secret_id) e.secret_id, e.occurred_at as at, e.action
    from access_events e
    where e.actor = any(array(select v.subject from access_event_subjects v
        where v.kind = 'actor' and (lower(v.subject) = ${address} or right(lower(v.subject), ${address.length + 1}) = ${`/${address}`})))
      and e.occurred_at >= ${since} and e.secret_id is not null and e.result = 'success'
      and e.source_kind <> 'keyledger' and e.action in (${sql.join(VALUE_ACTIONS.map((a) => sql`${a}`), sql`, `)})
    order by e.secret_id, e.occurred_at desc`);
  if (!rows.rows.length) return [];
  const found = await db
    .select({ secretId: secrets.id, secretName: secrets.name, tier: secrets.tier, environment: secrets.environment, sourceName: sources.name })
    .from(secrets)
    .innerJoin(sources, eq(sources.id, secrets.sourceId))
    .where(and(inArray(secrets.id, rows.rows.map((r) => r.secret_id)), secretScope(actor)));
  const byId = new Map(found.map((s) => [s.secretId, s]));
  return rows.rows.flatMap((r) => {
    const secret = byId.get(r.secret_id);
    return secret ? [{ ...secret, at: new Date(r.at), action: r.action }] : [];
  });
}

type Held = { secretId: string; secretName: string; tier: number | null; environment: string | null; sourceName: string; role: OwnershipRole };

/**
 * A new holder per role, kept simple so it can be explained: someone already holding another role on
 * the secret (operator first, then incident commander, approver, creator); else the teammate who holds
 * the most roles; else the admin doing the offboarding. Never someone who cannot work rotation tasks
 * (sales, auditors), and never the same person as operator and approver of one secret.
 */
function suggestHolders(args: { held: Held[]; others: { secretId: string; role: OwnershipRole; personId: string }[]; candidates: Candidate[]; team: string | null; actor: Actor }): PlannedRole[] {
  const { held, others, candidates, team, actor } = args;
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const teammates = candidates.filter((c) => team && c.team === team && c.canWorkTasks).sort((a, b) => b.rolesHeld - a.rolesHeld || a.name.localeCompare(b.name));
  const order = (r: OwnershipRole) => ROLE_PREFERENCE.indexOf(r);
  const result: PlannedRole[] = [];
  for (const secretId of [...new Set(held.map((h) => h.secretId))]) {
    const mine = held.filter((h) => h.secretId === secretId).sort((a, b) => order(a.role) - order(b.role));
    const onSecret = others.filter((o) => o.secretId === secretId).sort((a, b) => order(a.role) - order(b.role));
    // Who will hold each role afterwards, filled in as suggestions are made.
    const after = new Map<OwnershipRole, string>(onSecret.map((o) => [o.role, o.personId]));
    for (const h of mine) {
      const clash = h.role === "operator" ? after.get("approver") : h.role === "approver" ? after.get("operator") : undefined;
      const fits = (id: string) => id !== clash && Boolean(byId.get(id)?.canWorkTasks);
      const colleague = onSecret.find((o) => fits(o.personId));
      const teammate = teammates.find((t) => fits(t.id));
      const suggestion: Suggestion = colleague
        ? { personId: colleague.personId, name: byId.get(colleague.personId)!.name, why: `already ${ROLE_WORDS[colleague.role]} of this secret` }
        : teammate
          ? { personId: teammate.id, name: teammate.name, why: `${team} teammate holding the most roles (${teammate.rolesHeld})` }
          : fits(actor.id)
            ? { personId: actor.id, name: actor.name, why: "you: nobody else on the secret or the team can take it" }
            : null;
      if (suggestion) after.set(h.role, suggestion.personId);
      result.push({ ...h, suggestion });
    }
  }
  return result;
}

const day = (d: Date) => d.toISOString().slice(0, 10);
const words = (roles: OwnershipRole[]) => {
  const named = roles.map((r) => ROLE_WORDS[r]);
  return named.length > 1 ? `${named.slice(0, -1).join(", ")} and ${named.at(-1)}` : (named[0] ?? "");
};

function planRotations(args: { name: string; held: Held[]; accesses: Access[]; rotateNowOpen: Set<string> }): PlannedRotation[] {
  const bySecret = new Map<string, PlannedRotation>();
  const entry = (s: Omit<Held, "role">) => {
    let row = bySecret.get(s.secretId);
    if (!row) {
      const { secretId, secretName, tier, environment, sourceName } = s;
      row = { secretId, secretName, tier, environment, sourceName, heldRoles: [], lastAccess: null, reasons: [], reason: "", rotateNowOpen: args.rotateNowOpen.has(secretId) };
      bySecret.set(s.secretId, row);
    }
    return row;
  };
  for (const h of args.held) entry(h).heldRoles.push(h.role);
  for (const a of args.accesses) entry(a).lastAccess = { at: a.at.toISOString(), action: a.action };
  const rows = [...bySecret.values()];
  for (const row of rows) {
    row.heldRoles.sort((a, b) => ROLE_PREFERENCE.indexOf(a) - ROLE_PREFERENCE.indexOf(b));
    if (row.heldRoles.length) row.reasons.push(`held ${words(row.heldRoles)}`);
    if (row.lastAccess) row.reasons.push(`${row.lastAccess.action === "read" ? "read" : "changed"} it on ${day(new Date(row.lastAccess.at))}`);
    // Commas, not semicolons: a rotate-now task joins the reasons of several requests with "; ".
    row.reason = `Offboarding of ${args.name}: ${row.reasons.join(", ")}`;
  }
  return rows.sort((a, b) => (a.tier ?? 9) - (b.tier ?? 9) || a.secretName.localeCompare(b.secretName));
}
