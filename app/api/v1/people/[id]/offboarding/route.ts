import { getOffboardingPlan } from "@/lib/data/people/get-offboarding-plan";
import { offboardPerson } from "@/lib/data/people/offboard-person";
import { eventContext, withRoute } from "@/lib/http/with-route";
import { offboardingBody as body, personParams as params } from "@/lib/validation/people";
import { otherMethods } from "@/lib/http/other-methods";

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

/** Anything else: 405 with Allow (lib/http/other-methods.ts). */
export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET, POST });
