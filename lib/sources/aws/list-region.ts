// All secrets of one region: ListSecrets page by page (the next page is requested while this one
// is handed out), plus ListSecretVersionIds only for an entry that comes without its versions.
// ListSecrets already returns every other field Keyledger reads, so DescribeSecret is never needed.
import { ListSecretsCommand, ListSecretVersionIdsCommand, type SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { z } from "zod";
import type { AwsConfig } from "@/lib/sources/aws/config";
import type { Limiter } from "@/lib/sources/concurrency";
import { toSourceError } from "@/lib/sources/aws/errors";
import { checkEntry, listSecretsPageSchema, mapSecret } from "@/lib/sources/aws/map-secret";
import { SourceError } from "@/lib/sources/source-error";
import type { TagKeys } from "@/lib/sources/tag-mapping";
import type { SecretMetadata } from "@/lib/sources/types";

export const PAGE_SIZE = 100; // the ListSecrets maximum

export type RegionContext = { client: SecretsManagerClient; region: string; signal?: AbortSignal };

export async function callAws<T>({ region, signal }: RegionContext, operation: string, send: (options: { abortSignal?: AbortSignal }) => Promise<T>): Promise<T> {
  try {
    return await send({ abortSignal: signal });
  } catch (error) {
    throw toSourceError(error, { service: "secretsmanager", operation, region });
  }
}

function malformed(region: string, operation: string, detail: string): SourceError {
  return new SourceError("malformed", `AWS Secrets Manager (${region}) answered ${operation} with ${detail}. Nothing was changed.`);
}

export async function listSecretsPage(ctx: RegionContext, nextToken: string | undefined, maxResults = PAGE_SIZE) {
  const command = new ListSecretsCommand({ MaxResults: maxResults, IncludePlannedDeletion: false, NextToken: nextToken });
  const output = await callAws(ctx, "ListSecrets", (options) => ctx.client.send(command, options));
  const page = listSecretsPageSchema.safeParse(output);
  if (!page.success) throw malformed(ctx.region, "ListSecrets", `an unexpected ${page.error.issues[0]?.path.join(".") || "body"}`);
  return page.data;
}

const versionsPageSchema = z.object({ Versions: z.array(z.object({ VersionId: z.string() })).optional(), NextToken: z.string().min(1).optional() });

/** Labelled versions of one secret; null when it vanished between the listing and this call. */
async function countVersions(ctx: RegionContext, arn: string): Promise<number | null> {
  let count = 0;
  let nextToken: string | undefined;
  do {
    const command = new ListSecretVersionIdsCommand({ SecretId: arn, MaxResults: PAGE_SIZE, IncludeDeprecated: false, NextToken: nextToken });
    let output: unknown;
    try {
      output = await callAws(ctx, "ListSecretVersionIds", (options) => ctx.client.send(command, options));
    } catch (error) {
      if ((error as Error).cause && ((error as Error).cause as Error).name === "ResourceNotFoundException") return null;
      throw error;
    }
    const page = versionsPageSchema.safeParse(output);
    if (!page.success) throw malformed(ctx.region, "ListSecretVersionIds", `an unexpected ${page.error.issues[0]?.path.join(".") || "body"}`);
    count += page.data.Versions?.length ?? 0;
    nextToken = page.data.NextToken;
  } while (nextToken);
  return count;
}

export async function* listRegion(
  ctx: RegionContext,
  { config, tagKeys, limit }: { config: AwsConfig; tagKeys: TagKeys; limit: Limiter },
): AsyncGenerator<SecretMetadata> {
  const seenTokens = new Set<string>();
  const request = (token: string | undefined) => {
    const page = listSecretsPage(ctx, token);
    page.catch(() => undefined); // awaited below; this only keeps a prefetched failure from going unhandled
    return page;
  };
  let next: ReturnType<typeof request> | null = request(undefined);
  for (let pageNumber = 1; next; pageNumber++) {
    const page: Awaited<ReturnType<typeof request>> = await next;
    if (page.NextToken && seenTokens.has(page.NextToken)) throw malformed(ctx.region, "ListSecrets", "a NextToken it already sent (paging loop)");
    if (page.NextToken) seenTokens.add(page.NextToken);
    next = page.NextToken ? request(page.NextToken) : null;

    const entries = (page.SecretList ?? [])
      .map((entry, i) => checkEntry(entry, `${ctx.region}, page ${pageNumber}, entry ${i + 1}`))
      .filter((entry) => !entry.DeletedDate); // scheduled for deletion: not listed, like IncludePlannedDeletion=false
    const counts = await Promise.all(
      entries.map((entry) => (entry.SecretVersionsToStages ? null : limit(() => countVersions(ctx, entry.ARN)))),
    );
    for (const [i, entry] of entries.entries()) {
      yield mapSecret(entry, { region: ctx.region, config, tagKeys, versionCount: counts[i] });
    }
  }
}
