import { assignRole, clearRole, type RoleChange } from "@/lib/data/ownership/assign-role";
import { withRoute, type RouteContext } from "@/lib/http/with-route";
import { assignRoleBody, roleParams } from "@/lib/validation/secrets";
import { otherMethods } from "@/lib/http/other-methods";

const describe = (ctx: RouteContext<{ params: typeof roleParams }>, change: RoleChange | undefined) => ({
  secretId: ctx.params.id,
  secretRef: change?.secretName ?? null,
  // A conflict only an admin may create (one person operator and approver) is on the record too.
  detail: { role: ctx.params.role, from: change?.previousPersonId ?? null, to: change?.personId ?? null, ...(change?.conflict ? { conflict: "approver_is_operator" } : {}) },
});

/**
 * PUT /api/v1/secrets/:id/roles/:role {personId} — (re)assign an ownership role. Audited. 422 (body.personId)
 * when someone other than an admin would make one person both operator and approver; an admin may,
 * and the answer says `conflict: true`.
 */
export const PUT = withRoute(
  {
    permission: "ownership:assign",
    schemas: { params: roleParams, body: assignRoleBody },
    audit: { action: "update", rawAction: "ownership.assign", describe },
  },
  // The secret's open rotation task follows its new operator (or approver) at once: assignRole sees to it.
  ({ actor, db, params, body }) => assignRole({ actor, db, secretId: params.id, role: params.role, personId: body.personId }),
);

/** DELETE /api/v1/secrets/:id/roles/:role — leave the role unassigned (a visible gap). Audited. */
export const DELETE = withRoute(
  { permission: "ownership:assign", schemas: { params: roleParams }, audit: { action: "update", rawAction: "ownership.clear", describe } },
  ({ actor, db, params }) => clearRole({ actor, db, secretId: params.id, role: params.role }),
);

/** Anything else: 405 with Allow (lib/http/other-methods.ts). */
export const { GET, POST, PATCH, OPTIONS } = otherMethods({ PUT, DELETE });
