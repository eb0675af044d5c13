// The flat permission table (docs/architecture.md, rule 7). The route wrapper, the DAL and the UI all
// ask `can()`; nothing else decides who may do what. Fail closed: every permission names the roles that
// hold it, admins included, so a new permission reaches nobody until someone writes its roles down —
// there is no "everything that is not a write" rule. lib/auth/permissions.test.ts pins the whole table.
import { APP_ROLES, type AppRole } from "@/lib/domain/roles";

type Grant = { description: string; roles: readonly AppRole[] };

export const PERMISSIONS = {
  "secret:read": {
    description: "See secrets' metadata, consumers, locations and access history (owners: the secrets they hold a role on)",
    roles: ["admin", "owner", "founder", "auditor"],
  },
  "secret:export": { description: "Download the inventory as CSV", roles: ["admin", "founder", "auditor"] },
  "ownership:read": { description: "See the ownership matrix", roles: ["admin", "owner", "founder", "auditor"] },
  // A founder or owner who approves a secret may reassign its owners, like any approver (the DAL checks it).
  "ownership:assign": { description: "Assign or clear an ownership role (except admins: only on secrets one approves)", roles: ["admin", "owner", "founder"] },
  "person:read": { description: "See people and what they hold", roles: ["admin", "owner", "founder", "auditor"] },
  "person:offboard": { description: "Offboard a person: reassign their roles and open rotate-now tasks", roles: ["admin"] },
  "source:read": { description: "See connected sources", roles: ["admin", "founder", "auditor"] },
  "source:manage": { description: "Add, change and sync sources", roles: ["admin"] },
  "token:manage": { description: "Create and revoke API tokens for log shippers", roles: ["admin"] },
  "access-log:read": { description: "Search access events (owners: those of their secrets)", roles: ["admin", "owner", "founder", "auditor"] },
  "rotation:read": { description: "See the rotation calendar", roles: ["admin", "owner", "founder", "auditor"] },
  "rotation:work": { description: "Acknowledge, complete or skip one's own rotation tasks; sign off those one approves", roles: ["admin", "owner", "founder"] },
  "rotation:manage": { description: "Change rotation policies, per-secret overrides and reminder settings; work any task", roles: ["admin"] },
  "blast-radius:read": { description: "See blast-radius scores", roles: ["admin", "owner", "founder", "auditor"] },
  "runbook:read": { description: "See runbooks and drills", roles: ["admin", "owner", "founder", "auditor"] },
  // Sales sends customer-safe packets: counts and policies, never secret names.
  "evidence:read": { description: "See evidence packets", roles: ["admin", "founder", "sales", "auditor"] },
  "evidence:export": { description: "Generate and download evidence packets", roles: ["admin", "founder", "sales", "auditor"] },
  "metrics:read": { description: "See the security overview", roles: ["admin", "founder", "sales", "auditor"] },
} as const satisfies Record<string, Grant>;

export type Permission = keyof typeof PERMISSIONS;
export const ROLES = APP_ROLES;

const GRANTS: Record<string, Grant> = PERMISSIONS;

const permissionsOf = (role: AppRole) => (Object.keys(GRANTS) as Permission[]).filter((p) => GRANTS[p]!.roles.includes(role));

/** What each role holds, read off the table above (never written by hand). */
export const ROLE_PERMISSIONS: Record<AppRole, readonly Permission[]> = {
  admin: permissionsOf("admin"),
  owner: permissionsOf("owner"),
  founder: permissionsOf("founder"),
  sales: permissionsOf("sales"),
  auditor: permissionsOf("auditor"),
};

export const ROLE_LABELS: Record<AppRole, string> = {
  admin: "Admin",
  owner: "Secret owner",
  founder: "Founder",
  sales: "Sales",
  auditor: "Auditor",
};

/** False for anything the table does not name: an unknown permission or role is refused, not thrown. */
export function can(role: AppRole, permission: Permission): boolean {
  if (!Object.hasOwn(GRANTS, permission)) return false;
  return GRANTS[permission]!.roles.includes(role);
}
