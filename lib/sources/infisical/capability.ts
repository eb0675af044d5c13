// Can this Infisical server list secrets WITHOUT their values? Servers that predate the
// `viewSecretValue` query parameter silently ignore it and answer with values, so the connector
// must know before it lists anything. Every Infisical instance publishes its OpenAPI document at
// /api/docs/json; a list endpoint that declares `viewSecretValue` honours it.
import { SourceError } from "@/lib/sources/source-error";
import { openApiSchema } from "@/lib/sources/infisical/config";

export type MetadataListing = { path: "/api/v4/secrets" | "/api/v3/secrets/raw"; projectParam: "projectId" | "workspaceId" };

const CANDIDATES: MetadataListing[] = [
  { path: "/api/v4/secrets", projectParam: "projectId" },
  { path: "/api/v3/secrets/raw", projectParam: "workspaceId" },
];

export function findMetadataListing(spec: unknown): MetadataListing | null {
  const parsed = openApiSchema.safeParse(spec);
  if (!parsed.success) return null;
  for (const candidate of CANDIDATES) {
    const item = parsed.data.paths[candidate.path] ?? parsed.data.paths[`${candidate.path}/`];
    const params = item?.get?.parameters ?? [];
    if (params.some((p) => p.in === "query" && p.name === "viewSecretValue")) return candidate;
  }
  return null;
}

export function unsupportedServer(siteUrl: string, reason: string): SourceError {
  return new SourceError(
    "unsupported",
    `The Infisical server at ${new URL(siteUrl).host} cannot list secrets without their values: ${reason}. ` +
      "Keyledger needs the metadata-only listing (GET /api/v4/secrets or /api/v3/secrets/raw with viewSecretValue=false, " +
      'which comes with the "Describe Secret" permission in Infisical releases from 2025 on). Upgrade the server; ' +
      "until then Keyledger will not call an endpoint that returns secret values, so this source is not synced.",
  );
}
