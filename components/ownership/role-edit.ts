// One owner change as the matrix makes it — a role on one secret, from whom to whom — and the words
// its toast uses. Pure, so the hook, the toast and the e2e test read it the same way.
import type { Holder, SecretRow } from "@/lib/data/secrets/list-secrets";
import { label } from "@/lib/domain/format";
import type { OwnershipRole } from "@/lib/domain/roles";

export type RoleEdit = { secretId: string; secretName: string; role: OwnershipRole; from: Holder | null; to: Holder | null };

/** "Incident commander of stripe-live-key: Maya Chen → Sam Okafor". */
export const describeRoleEdit = (edit: RoleEdit) => `${label(edit.role)} of ${edit.secretName}: ${edit.from?.name ?? "nobody"} → ${edit.to?.name ?? "nobody"}`;

/** The change that puts it back (Undo). */
export const reverseOf = (edit: RoleEdit): RoleEdit => ({ ...edit, from: edit.to, to: edit.from });

/** The row as the change left it. */
export function applyRoleEdit(row: SecretRow, edit: RoleEdit): SecretRow {
  const holders = { ...row.holders };
  if (edit.to) holders[edit.role] = edit.to;
  else delete holders[edit.role];
  return { ...row, holders };
}
