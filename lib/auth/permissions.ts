// The flat permission table (STYLE #4). The route wrapper, the DAL and the UI all ask `can()`;
// nothing else decides who may do what. Read-only roles (auditor, sales) get only what they need.
import type { AppRole } from "@/lib/domain/roles";

export const PERMISSIONS = {
  "secret:read": "See secrets' metadata, consumers, locations and access history",
  "secret:export": "Download the inventory as CSV",
  "ownership:read": "See the ownership matrix",
  "ownership:assign": "Assign or clear an ownership role (except admins: only on secrets one approves)",
  "person:read": "See people and what they hold",
  "source:read": "See connected sources",
  "source:manage": "Add, change and sync sources",
  "access-log:read": "Search access events",
  "rotation:read": "See the rotation calendar",
  "rotation:work": "Acknowledge, complete or skip one's own rotation tasks; sign off those one approves",
  "rotation:manage": "Change rotation policies, per-secret overrides and reminder settings; work any task",
  "person:offboard": "Offboard a person: reassign their roles and open rotate-now tasks",
  "blast-radius:read": "See blast-radius scores",
  "runbook:read": "See runbooks and drills",
  "evidence:read": "See evidence packets",
  "evidence:export": "Generate and download evidence packets",
  "metrics:read": "See the security overview",
  "token:manage": "Create and revoke API tokens for log shippers",
} as const;

export type Permission = keyof typeof PERMISSIONS;
export const ROLES = ["admin", "owner", "founder", "sales", "auditor"] as const satisfies readonly AppRole[];

const ALL = Object.keys(PERMISSIONS) as Permission[];
const WRITES: Permission[] = ["ownership:assign", "source:manage", "token:manage", "rotation:work", "rotation:manage", "person:offboard"];
const READ_ONLY = ALL.filter((p) => !WRITES.includes(p));

export const ROLE_PERMISSIONS: Record<AppRole, readonly Permission[]> = {
  admin: ALL,
  // A founder who approves a secret may reassign its owners, like any approver.
  founder: [...READ_ONLY, "ownership:assign", "rotation:work"],
  auditor: READ_ONLY,
  // Owners see the secrets they hold a role on (the DAL scopes them), and can reassign where they approve.
  owner: ["secret:read", "ownership:read", "ownership:assign", "person:read", "rotation:read", "rotation:work", "runbook:read", "blast-radius:read", "access-log:read"],
  // Sales sends customer-safe packets: counts and policies, never secret names.
  sales: ["evidence:read", "evidence:export", "metrics:read"],
};

export const ROLE_LABELS: Record<AppRole, string> = {
  admin: "Admin",
  owner: "Secret owner",
  founder: "Founder",
  sales: "Sales",
  auditor: "Auditor",
};

export function can(role: AppRole, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
