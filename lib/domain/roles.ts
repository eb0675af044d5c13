// The four roles of the ownership matrix. Pure, so both the schema and browser code can use it.
export const OWNERSHIP_ROLES = ["creator", "operator", "approver", "incident_commander"] as const;
export type OwnershipRole = (typeof OWNERSHIP_ROLES)[number];
