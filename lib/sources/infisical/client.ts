// An Infisical client with exactly three calls: read the public OpenAPI document, log in with
// Universal Auth, and list secrets with viewSecretValue=false. There is deliberately no method for
// GET /api/v4/secrets/{name} or a listing that returns values (docs/architecture.md, rule 1).
import { z } from "zod";
import { requestJson } from "@/lib/sources/http-json";
import type { ConnectorContext } from "@/lib/sources/types";
import { findMetadataListing, unsupportedServer, type MetadataListing } from "@/lib/sources/infisical/capability";
import { HIDDEN_VALUE_MASK, listSchema, loginSchema, type InfisicalConfig, type InfisicalSecret } from "@/lib/sources/infisical/config";

type Call<T> = { method?: "GET" | "POST"; path: string; query?: Record<string, string>; body?: unknown; token?: string; schema: z.ZodType<T>; grant?: string };

export function createInfisicalClient(ctx: ConnectorContext<InfisicalConfig>) {
  const base = ctx.config.siteUrl.replace(/\/+$/, "");

  // Infisical errors are {statusCode, message, error}; requestJson reads `message`.
  const call = <T>(req: Call<T>, allow?: (status: number) => boolean) =>
    requestJson({
      store: "Infisical",
      fetch: ctx.fetch,
      url: `${base}${req.path}${req.query ? `?${new URLSearchParams(req.query)}` : ""}`,
      method: req.method ?? "GET",
      headers: req.token ? { authorization: `Bearer ${req.token}` } : {},
      body: req.body,
      schema: req.schema,
      missingPermission: req.grant,
      allow: allow && ((failure) => allow(failure.status)),
      signal: ctx.signal,
    });

  return {
    /** Reads the server's own OpenAPI document (no credentials, no secrets) and refuses servers without metadata-only listing. */
    async metadataListing(): Promise<MetadataListing> {
      const answer = await call({ path: "/api/docs/json", schema: z.unknown() }, (status) => status !== 429 && status < 500);
      if (answer.body === null) {
        throw unsupportedServer(base, `it does not publish its API description (GET /api/docs/json answered ${answer.status}), so Keyledger cannot confirm that values can be withheld`);
      }
      const listing = findMetadataListing(answer.body);
      if (!listing) throw unsupportedServer(base, "its secrets list endpoints have no viewSecretValue parameter");
      return listing;
    },

    async login(clientId: string, clientSecret: string): Promise<string> {
      const { body } = await call({ method: "POST", path: "/api/v1/auth/universal-auth/login", body: { clientId, clientSecret }, schema: loginSchema });
      return body!.accessToken;
    },

    async listSecretsMetadata(listing: MetadataListing, token: string, environment: string, recursive: boolean): Promise<InfisicalSecret[]> {
      const query = {
        [listing.projectParam]: ctx.config.projectId,
        environment,
        secretPath: ctx.config.secretPath,
        viewSecretValue: "false",
        expandSecretReferences: "false",
        include_imports: "false",
        recursive: String(recursive),
      };
      const grant = `the "Describe Secret" (describeSecret) permission on secrets in environment ${environment}, path ${ctx.config.secretPath}`;
      const { body } = await call({ path: listing.path, query, token, schema: listSchema, grant });
      const secrets = body!.secrets;
      const exposed = secrets.filter((s) => s.secretValueHidden !== true && s.secretValue !== undefined && s.secretValue !== HIDDEN_VALUE_MASK);
      if (exposed.length > 0) {
        throw unsupportedServer(base, `it answered ${listing.path} with ${exposed.length} secret value(s) although viewSecretValue=false was asked; the answer was discarded`);
      }
      return secrets;
    },
  };
}
