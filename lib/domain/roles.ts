// The four roles of the ownership matrix. Pure, so both the schema and browser code can use it.
export const OWNERSHIP_ROLES = ["creator", "operator", "approver", "incident_commander"] as const;
export type OwnershipRole = (typeof OWNERSHIP_ROLES)[number];

// The five ways people use Keyledger (lib/auth/permissions.ts says what each may do).
export const APP_ROLES = ["admin", "owner", "founder", "sales", "auditor"] as const;
export type AppRole = (typeof APP_ROLES)[number];
