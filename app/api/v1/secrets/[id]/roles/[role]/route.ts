import { assignRole, clearRole, type RoleChange } from "@/lib/data/ownership/assign-role";
import { withRoute, type RouteContext } from "@/lib/http/with-route";
import { assignRoleBody, roleParams } from "@/lib/validation/secrets";

const describe = (ctx: RouteContext<{ params: typeof roleParams }>, change: RoleChange | undefined) => ({
  secretId: ctx.params.id,
  secretRef: change?.secretName ?? null,
  detail: { role: ctx.params.role, from: change?.previousPersonId ?? null, to: change?.personId ?? null },
});

/** PUT /api/v1/secrets/:id/roles/:role {personId} — (re)assign an ownership role. Audited. */
export const PUT = withRoute(
  {
    permission: "ownership:assign",
    schemas: { params: roleParams, body: assignRoleBody },
    audit: { action: "update", rawAction: "ownership.assign", describe },
  },
  ({ actor, db, params, body }) => assignRole({ actor, db, secretId: params.id, role: params.role, personId: body.personId }),
);

/** DELETE /api/v1/secrets/:id/roles/:role — leave the role unassigned (a visible gap). Audited. */
export const DELETE = withRoute(
  { permission: "ownership:assign", schemas: { params: roleParams }, audit: { action: "update", rawAction: "ownership.clear", describe } },
  ({ actor, db, params }) => clearRole({ actor, db, secretId: params.id, role: params.role }),
);
