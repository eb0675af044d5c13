import { z } from "zod";
import { uploadAccessLog } from "@/lib/data/access-events/upload-access-log";
import { otherMethods } from "@/lib/http/other-methods";
import { withTokenRoute } from "@/lib/http/with-token-route";
import { FORMATS } from "@/lib/ingest/types";

const query = z.object({ format: z.enum(FORMATS), name: z.string().trim().min(1).max(200).default("upload") }).strict();

/**
 * POST /api/v1/access-events/uploads?format=vault|cloudtrail|gcp|azure&name=FILE — the audit log as the
 * body (plain or gzip), with an ingest-scoped API token. Answers the run's counts.
 */
export const POST = withTokenRoute({ scope: "ingest", query }, ({ token, request, query, context }) =>
  uploadAccessLog({ token, format: query.format, name: query.name, body: request.body, headers: request.headers, context }),
);

/** Anything else: 405 with Allow (lib/http/other-methods.ts). */
export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ POST });
