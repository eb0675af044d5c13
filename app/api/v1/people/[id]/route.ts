import { z } from "zod";
import { getPerson } from "@/lib/data/people/get-person";
import { notFound } from "@/lib/errors";
import { withRoute } from "@/lib/http/with-route";
import { otherMethods } from "@/lib/http/other-methods";

/** GET /api/v1/people/:id — what a person holds and what offboarding them would leave. */
export const GET = withRoute({ permission: "person:read", schemas: { params: z.object({ id: z.uuid() }) } }, async ({ actor, db, params }) => {
  const person = await getPerson({ actor, db, id: params.id });
  if (!person) throw notFound("Person");
  return person;
});

/** Anything else: 405 with Allow (lib/http/other-methods.ts). */
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET });
