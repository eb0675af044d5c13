import { z } from "zod";
import { revokeApiToken } from "@/lib/data/api-tokens/manage-api-tokens";
import { withRoute } from "@/lib/http/with-route";
import { otherMethods } from "@/lib/http/other-methods";

/** DELETE /api/v1/api-tokens/:id — revoke a token at once. Audited. */
export const DELETE = withRoute(
  {
    permission: "token:manage",
    schemas: { params: z.object({ id: z.uuid() }) },
    audit: { action: "delete", rawAction: "api_token.revoke", describe: ({ params }) => ({ detail: { id: params.id } }) },
  },
  ({ actor, db, params }) => revokeApiToken({ actor, db, id: params.id }),
);

/** Anything else: 405 with Allow (lib/http/other-methods.ts). */
export const { GET, POST, PUT, PATCH, OPTIONS } = otherMethods({ DELETE });
