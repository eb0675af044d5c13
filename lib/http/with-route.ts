import "server-only";
// The one wrapper around every route handler (docs/conventions.md, "An API route"): authenticate,
// authorize, parse params, query and body with zod, run the handler — inside a transaction that also
// writes the audit event when the route changes something — and map every error to problem+json.
import { randomUUID } from "node:crypto";
import type { NextRequest } from "next/server";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { can, type Permission } from "@/lib/auth/permissions";
import { getSessionActor } from "@/lib/auth/session";
import { recordKeyledgerEvent, type KeyledgerEvent } from "@/lib/data/access-events/record-keyledger-event";
import { getDb, type Queryable } from "@/lib/data/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { auditedStream, recordStreamOutcome } from "@/lib/http/audited-stream";
import { clientAddress } from "@/lib/http/client-address";
import { parsePart } from "@/lib/http/parse-part";
import { toProblem } from "@/lib/http/problem";
import { readLimitedText } from "@/lib/http/read-body";
import { searchParamsToObject } from "@/lib/http/search-params";

type Schemas = { params?: z.ZodType; query?: z.ZodType; body?: z.ZodType };
type Parsed<S, K extends keyof Schemas> = S extends { [P in K]: z.ZodType } ? z.infer<S[K]> : undefined;

export type RouteContext<S extends Schemas> = {
  actor: Actor;
  db: Queryable;
  request: NextRequest;
  requestId: string;
  params: Parsed<S, "params">;
  query: Parsed<S, "query">;
  body: Parsed<S, "body">;
};

type Audit<S extends Schemas, R> = {
  action: KeyledgerEvent["action"];
  rawAction: string;
  describe: (ctx: RouteContext<S>, result: R | undefined) => Pick<KeyledgerEvent, "secretId" | "secretRef" | "detail">;
  /**
   * "handler": the DAL the handler calls writes the success event itself, in the same transaction
   * (rotation: its events must exist whoever calls it — route, job or offboarding). The wrapper
   * still runs the handler in a transaction and records failures.
   */
  successRecordedBy?: "handler";
  /**
   * The handler answers a streamed Response (an export): its event is written when the stream
   * ends — success once the last byte is out, failure when it breaks off or the client leaves.
   */
  streamed?: true;
};

/** The setting that bounds this route's JSON body (docs/security.md); KEYLEDGER_JSON_MAX_BYTES by default. */
type BodyLimitSetting = "KEYLEDGER_JSON_MAX_BYTES" | "KEYLEDGER_INVENTORY_MAX_BYTES";
type RouteConfig<S extends Schemas, R> = { permission: Permission; schemas?: S; audit?: Audit<S, R>; bodyLimit?: BodyLimitSetting };
type NextContext = { params: Promise<Record<string, string | string[]>> };

export function withRoute<S extends Schemas, R>(
  config: RouteConfig<S, R>,
  handler: (ctx: RouteContext<S>) => Promise<R>,
) {
  return async (request: NextRequest, next: NextContext): Promise<Response> => {
    const requestId = randomUUID();
    const meta = { instance: request.nextUrl.pathname, requestId };
    let ctx: RouteContext<S> | undefined;
    try {
      const actor = await getSessionActor();
      if (!actor) throw new AppError("unauthenticated", "Sign in to use this endpoint");
      if (!can(actor.role, config.permission)) {
        throw new AppError("forbidden", `Your role (${actor.role}) does not have the ${config.permission} permission`);
      }
      assertSameOrigin(request);
      ctx = {
        actor,
        db: getDb(),
        request,
        requestId,
        params: await parsePart(config.schemas?.params, await next.params, "params"),
        query: await parsePart(config.schemas?.query, searchParamsToObject(request.nextUrl.searchParams), "query"),
        body: config.schemas?.body ? await parsePart(config.schemas.body, await readJson(request, config.bodyLimit), "body") : undefined,
      } as RouteContext<S>;
      if (config.audit?.streamed) return await runStreamed(config.audit, ctx, handler);
      const result = config.audit ? await runAudited(config.audit, ctx, handler) : await handler(ctx);
      return result instanceof Response ? result : Response.json(result ?? null, { headers: { "x-request-id": requestId } });
    } catch (error) {
      if (config.audit && ctx && error instanceof AppError) await auditFailure(config.audit, ctx, error).catch(() => undefined);
      return toProblem(error, meta);
    }
  };
}

async function runAudited<S extends Schemas, R>(audit: Audit<S, R>, ctx: RouteContext<S>, handler: (ctx: RouteContext<S>) => Promise<R>) {
  return getDb().transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const result = await handler(txCtx);
    if (audit.successRecordedBy !== "handler") await recordKeyledgerEvent({ db: tx, event: auditEvent(audit, txCtx, result, "success") });
    return result;
  });
}

function auditFailure<S extends Schemas, R>(audit: Audit<S, R>, ctx: RouteContext<S>, error: AppError) {
  return recordKeyledgerEvent({ event: { ...auditEvent(audit, ctx, undefined, "failure"), errorCode: error.code } });
}

/** Everything is validated and the first page fetched before the handler returns; the event waits for the end. */
async function runStreamed<S extends Schemas, R>(audit: Audit<S, R>, ctx: RouteContext<S>, handler: (ctx: RouteContext<S>) => Promise<R>) {
  const response = await handler(ctx);
  if (!(response instanceof Response) || !response.body) throw new Error("a streamed route must answer a Response with a body");
  const onEnd = recordStreamOutcome({ event: auditEvent(audit, ctx, response as R, "success"), requestId: ctx.requestId, instance: ctx.request.nextUrl.pathname });
  const headers = new Headers(response.headers);
  headers.set("x-request-id", ctx.requestId);
  return new Response(auditedStream(response.body, { requestId: ctx.requestId, onEnd }), { status: response.status, headers });
}

function auditEvent<S extends Schemas, R>(audit: Audit<S, R>, ctx: RouteContext<S>, result: R | undefined, outcome: "success" | "failure"): KeyledgerEvent {
  const described = audit.describe(ctx, result);
  return {
    actor: ctx.actor.email,
    action: audit.action,
    rawAction: audit.rawAction,
    result: outcome,
    ...eventContext(ctx),
    rawId: outcome === "success" ? ctx.requestId : `${ctx.requestId}:failure`,
    ...described,
  };
}

/** Who asked, for a DAL that records its own event: the request id, address and user agent. */
export function eventContext(ctx: Pick<RouteContext<Schemas>, "request" | "requestId">) {
  return {
    rawId: ctx.requestId,
    sourceIp: clientAddress(ctx.request.headers),
    userAgent: ctx.request.headers.get("user-agent"),
  };
}

async function readJson(request: NextRequest, setting: BodyLimitSetting = "KEYLEDGER_JSON_MAX_BYTES"): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.includes("application/json")) {
    throw new AppError("invalid_input", "Send the body as JSON", [{ field: "body", message: "content-type must be application/json" }]);
  }
  const text = await readLimitedText(request, { maxBytes: env()[setting], setting });
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : "not valid JSON";
    throw new AppError("bad_request", "The body is not valid JSON", [{ field: "body", message }]);
  }
}

/** Cookies ride along on cross-site requests; a write must come from Keyledger's own pages. */
function assertSameOrigin(request: NextRequest) {
  if (request.method === "GET" || request.method === "HEAD") return;
  const origin = request.headers.get("origin");
  if (origin && origin !== request.nextUrl.origin) {
    const host = request.headers.get("host");
    // `Origin: null` (a sandboxed frame, a redirect) or junk is not Keyledger's own page either.
    if (!host || originHost(origin) !== host) {
      throw new AppError("forbidden", "Cross-site request refused", [{ field: "headers.origin", message: "must be this site's own origin" }]);
    }
  }
}

function originHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}
