import { z } from "zod";
import { OWNERSHIP_ROLES } from "@/lib/domain/roles";
import { getOffboardingPlan } from "@/lib/data/people/get-offboarding-plan";
import { offboardPerson } from "@/lib/data/people/offboard-person";
import { eventContext, withRoute } from "@/lib/http/with-route";

const params = z.object({ id: z.uuid() });
// `personId: null` is how a role is left empty on purpose (a gap); leaving the key out is an error.
const body = z
  .object({
    reassignments: z
      .array(z.object({ secretId: z.uuid({ message: "must be a secret id" }), role: z.enum(OWNERSHIP_ROLES), personId: z.uuid({ message: "must be a person id, or null for a gap" }).nullable() }).strict())
      .max(5000),
  })
  .strict();

/** GET /api/v1/people/:id/offboarding — the plan: roles to reassign (with suggestions), secrets to rotate now and why. */
export const GET = withRoute({ permission: "person:offboard", schemas: { params } }, ({ actor, db, params }) => getOffboardingPlan({ actor, db, personId: params.id }));

/**
 * POST /api/v1/people/:id/offboarding {reassignments: [{secretId, role, personId | null}]} — offboards the
 * person in one transaction → {person, reassigned, gaps, tasksOpened, tasksHandedOver, feedsRevoked}.
 * The DAL records every change as an access event; the wrapper records refusals.
 */
export const POST = withRoute(
  {
    permission: "person:offboard",
    schemas: { params, body },
    audit: { action: "other", rawAction: "person.offboard", successRecordedBy: "handler", describe: (ctx) => ({ detail: { personId: ctx.params.id } }) },
  },
  (ctx) => offboardPerson({ actor: ctx.actor, db: ctx.db, personId: ctx.params.id, reassignments: ctx.body.reassignments, context: eventContext(ctx) }),
);
