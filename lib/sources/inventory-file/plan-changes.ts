// Rows of a valid file + what the registry holds → the writes that make the registry say what the
// file says, and nothing more: an unchanged secret gets no write at all, so importing the same
// file twice (or an export of it) changes nothing. A value the row does not give (no such column,
// a YAML item without the key) is left as it is; `unknown` clears it. Pure; new secrets get their
// ids here.
import { randomUUID } from "node:crypto";
import type { OwnershipRole } from "@/lib/domain/roles";
import {
  DECLARED_FOUND_BY,
  FIELD_OF_COLUMN,
  ROLE_COLUMNS,
  type InventoryRow,
  type LocationKind,
  type SecretFields,
  type StoredSecret,
} from "@/lib/sources/inventory-file/format";
import { locationKey } from "@/lib/sources/inventory-file/location-syntax";
import type { InventoryProblem } from "@/lib/sources/inventory-file/problems";

export type Person = { id: string; email: string; status: "active" | "offboarded" };
export type SecretValues = Partial<SecretFields> & { name: string };

export type ChangePlan = {
  inserts: (SecretValues & { id: string; externalId: string })[];
  /** Every value the row gives, changed or not; the update also clears missing_since. */
  updates: { id: string; values: SecretValues }[];
  roleUpserts: { secretId: string; role: OwnershipRole; personId: string }[];
  roleDeletes: { secretId: string; role: OwnershipRole }[];
  linkInserts: { secretId: string; consumerName: string }[];
  linkDeletes: { secretId: string; consumerId: string }[];
  locationInserts: { secretId: string; kind: LocationKind; place: string; sanctioned: boolean; personId: string | null }[];
  locationUpdates: { id: string; sanctioned: boolean; personId: string | null }[];
  locationDeletes: string[];
  /** Secrets of the source the file no longer lists and that are not marked missing yet. */
  markMissing: string[];
  counts: { read: number; added: number; changed: number; unchanged: number; missing: number };
  problems: InventoryProblem[];
};

const DECLARED = new Set<string>(DECLARED_FOUND_BY);

/** By external id (= the row's name); else by name, for secrets another tool gave other external ids. */
function matchSecrets(rows: InventoryRow[], stored: StoredSecret[]) {
  const byExternalId = new Map(stored.map((s) => [s.externalId, s]));
  const rowNames = new Set(rows.map((r) => r.name));
  const byName = new Map<string, StoredSecret | null>();
  for (const s of stored) {
    if (rowNames.has(s.externalId)) continue;
    byName.set(s.name, byName.has(s.name) ? null : s); // null: ambiguous, never guessed
  }
  return (row: InventoryRow) => byExternalId.get(row.name) ?? byName.get(row.name) ?? undefined;
}

export function planChanges(args: { rows: InventoryRow[]; stored: StoredSecret[]; people: Map<string, Person>; file: string }): ChangePlan {
  const { rows, stored, people, file } = args;
  const plan: ChangePlan = {
    inserts: [], updates: [], roleUpserts: [], roleDeletes: [], linkInserts: [], linkDeletes: [],
    locationInserts: [], locationUpdates: [], locationDeletes: [], markMissing: [],
    counts: { read: rows.length, added: 0, changed: 0, unchanged: 0, missing: 0 },
    problems: [],
  };
  const find = matchSecrets(rows, stored);
  const seen = new Set<string>();
  const personId = (email: string | null | undefined) => (email ? (people.get(email)?.id ?? null) : null);

  for (const row of rows) {
    const existing = find(row);
    const secretId = existing?.id ?? randomUUID();
    let changed = false;
    if (existing) seen.add(existing.id);

    // Every value the row gives (not only the changed ones), so that updates share a shape and batch well.
    const values: SecretValues = { name: row.name };
    for (const field of Object.values(FIELD_OF_COLUMN)) {
      if (field in row.fields) Object.assign(values, { [field]: row.fields[field] ?? null });
    }
    if (!existing) {
      plan.inserts.push({ ...values, id: secretId, externalId: row.name });
    } else if (existing.missingSince || (Object.keys(values) as (keyof SecretValues)[]).some((key) => existing[key] !== values[key])) {
      plan.updates.push({ id: secretId, values });
      changed = true;
    }

    for (const role of ROLE_COLUMNS) {
      if (!(role in row.roles)) continue;
      const email = row.roles[role] ?? null;
      if ((existing?.roles.get(role)?.email ?? null) === email) continue;
      const wanted = email ? people.get(email) : undefined;
      if (wanted?.status === "offboarded") {
        const at = row.at[role];
        plan.problems.push({ file, line: at?.line ?? row.line, column: at?.column, field: role, message: `${email} is offboarded and cannot take on a role: name an active person, or write unknown` });
      }
      if (wanted) plan.roleUpserts.push({ secretId, role, personId: wanted.id });
      else plan.roleDeletes.push({ secretId, role });
      if (existing) changed = true;
    }

    if (row.consumers) {
      const current = existing?.consumers ?? new Map<string, string>();
      const wanted = new Set(row.consumers);
      for (const name of wanted) if (!current.has(name)) plan.linkInserts.push({ secretId, consumerName: name });
      for (const [name, consumerId] of current) if (!wanted.has(name)) plan.linkDeletes.push({ secretId, consumerId });
      if (existing && (wanted.size !== current.size || [...wanted].some((n) => !current.has(n)))) changed = true;
    }

    if (row.locations) {
      const current = new Map((existing?.locations ?? []).map((l) => [locationKey(l), l]));
      const wantedKeys = new Set<string>();
      for (const location of row.locations) {
        const key = locationKey(location);
        wantedKeys.add(key);
        const stored = current.get(key);
        const pid = personId(location.personEmail);
        if (!stored) {
          plan.locationInserts.push({ secretId, kind: location.kind, place: location.place, sanctioned: location.sanctioned, personId: pid });
          if (existing) changed = true;
        } else if (DECLARED.has(stored.foundBy) && (stored.sanctioned !== location.sanctioned || stored.personId !== pid)) {
          plan.locationUpdates.push({ id: stored.id, sanctioned: location.sanctioned, personId: pid });
          changed = true;
        }
        // Found by a scanner or a sync: the place is known already; the finding keeps its own facts.
      }
      for (const [key, stored] of current) {
        if (DECLARED.has(stored.foundBy) && !wantedKeys.has(key)) {
          plan.locationDeletes.push(stored.id);
          changed = true;
        }
      }
    }

    if (!existing) plan.counts.added++;
    else if (changed) plan.counts.changed++;
    else plan.counts.unchanged++;
  }

  for (const secret of stored) {
    if (seen.has(secret.id)) continue;
    plan.counts.missing++;
    if (!secret.missingSince) plan.markMissing.push(secret.id);
  }
  return plan;
}
