import "server-only";
// The machine-facing twin of withRoute, for CI jobs and log shippers: authenticates an API token
// (Authorization: Bearer klt_…) instead of a session, checks its scope, parses the query, and maps
// errors to problem+json. What a token did is recorded as a Keyledger access event.
import { randomUUID } from "node:crypto";
import type { NextRequest } from "next/server";
import type { z } from "zod";
import { findTokenBySecret, type TokenPrincipal } from "@/lib/data/api-tokens/find-token-by-secret";
import { AppError } from "@/lib/errors";
import { clientAddress } from "@/lib/http/client-address";
import { parsePart } from "@/lib/http/parse-part";
import { toProblem } from "@/lib/http/problem";
import { searchParamsToObject } from "@/lib/http/search-params";

/** `context`: who asked, recorded with the token's events — the same address withRoute records (clientAddress). */
export type TokenRouteContext<Q> = { token: TokenPrincipal; request: NextRequest; requestId: string; query: Q; context: { sourceIp: string | null; userAgent: string | null } };

export function withTokenRoute<S extends z.ZodType>(config: { scope: string; query: S }, handler: (ctx: TokenRouteContext<z.infer<S>>) => Promise<unknown>) {
  return async (request: NextRequest): Promise<Response> => {
    const requestId = randomUUID();
    try {
      const bearer = request.headers.get("authorization")?.match(/^Bearer\s+(\S+)$/i)?.[1];
      const token = bearer ? await findTokenBySecret({ token: bearer }) : null;
      if (!token) throw new AppError("unauthenticated", "Send an active API token as Authorization: Bearer klt_…");
      if (!token.scopes.includes(config.scope)) throw new AppError("forbidden", `This token is not scoped to ${config.scope}`);
      const query = (await parsePart(config.query, searchParamsToObject(request.nextUrl.searchParams), "query")) as z.infer<S>;
      const context = { sourceIp: clientAddress(request.headers), userAgent: request.headers.get("user-agent") };
      const result = await handler({ token, request, requestId, query, context });
      return result instanceof Response ? result : Response.json(result, { headers: { "x-request-id": requestId } });
    } catch (error) {
      return toProblem(error, { instance: request.nextUrl.pathname, requestId });
    }
  };
}
