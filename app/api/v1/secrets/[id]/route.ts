import { getSecret } from "@/lib/data/secrets/get-secret";
import { notFound } from "@/lib/errors";
import { withRoute } from "@/lib/http/with-route";
import { secretIdParams } from "@/lib/validation/secrets";
import { otherMethods } from "@/lib/http/other-methods";

/** GET /api/v1/secrets/:id — one secret's metadata, owners, consumers, locations, recent access. */
export const GET = withRoute({ permission: "secret:read", schemas: { params: secretIdParams } }, async ({ actor, db, params }) => {
  const secret = await getSecret({ actor, db, id: params.id });
  if (!secret) throw notFound("Secret");
  return secret;
});

/** Anything else: 405 with Allow (lib/http/other-methods.ts). */
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET });
