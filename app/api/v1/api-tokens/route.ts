import { z } from "zod";
import { createApiToken, listApiTokens } from "@/lib/data/api-tokens/manage-api-tokens";
import { withRoute } from "@/lib/http/with-route";
import { otherMethods } from "@/lib/http/other-methods";

/** GET /api/v1/api-tokens — tokens for log shippers (never the token itself). */
export const GET = withRoute({ permission: "token:manage" }, async ({ actor, db }) => ({ items: await listApiTokens({ actor, db }) }));

/** POST /api/v1/api-tokens {name} — a new ingest token, shown in this answer only. Audited. */
export const POST = withRoute(
  {
    permission: "token:manage",
    schemas: { body: z.object({ name: z.string().trim().min(2).max(80) }).strict() },
    audit: { action: "create", rawAction: "api_token.create", describe: ({ body }, t: { id: string } | undefined) => ({ detail: { name: body.name, id: t?.id } }) },
  },
  ({ actor, db, body }) => createApiToken({ actor, db, name: body.name }),
);

/** Anything else: 405 with Allow (lib/http/other-methods.ts). */
export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET, POST });
