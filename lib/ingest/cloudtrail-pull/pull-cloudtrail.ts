// The scheduled pull of CloudTrail event history for one AWS Secrets Manager source: for each
// region, LookupEvents (EventSource = secretsmanager.amazonaws.com) from the region's cursor to
// now, page by page into ingest, de-duplicated by event id. The cursor moves to the newest
// EventTime only once ingest has committed; each pull re-reads a short window before it, so
// events that reach the history late are still picked up and the overlap adds nothing twice.
import { CloudTrailClient, LookupEventsCommand, type CloudTrailClientConfig, type LookupEventsResponse } from "@aws-sdk/client-cloudtrail";
import type pg from "pg";
import type { Db } from "@/db/client";
import { type Source } from "@/db/schema";
import { readCloudTrailCursor, writeCloudTrailCursor } from "@/lib/data/ingest/cloudtrail-cursor";
import { withIngestRun } from "@/lib/data/ingest/with-ingest-run";
import { emptySummary, ingestStream, type IngestSummary } from "@/lib/ingest/ingest-files";
import { lookupEventsDocument, type DocumentState } from "@/lib/ingest/cloudtrail-pull/lookup-document";
import { LOOKUP_INTERVAL_MS, pace } from "@/lib/ingest/cloudtrail-pull/pacer";
import { awsConfigSchema } from "@/lib/sources/aws/config";
import { toSourceError } from "@/lib/sources/aws/errors";
import { SourceError } from "@/lib/sources/source-error";
import { sourceReach } from "@/lib/sources/source-reach";
import { assertReachable } from "@/lib/sources/store-address";

const DAY_MS = 86_400_000;
/** Event history keeps 90 days. */
export const HISTORY_MS = 90 * DAY_MS;
/** Events reach event history minutes after they happen (about 5 on average, not guaranteed). */
export const REREAD_MS = 15 * 60_000;
const PAGE_SIZE = 50;
const SECRETS_MANAGER = "secretsmanager.amazonaws.com";

export type RegionPull = { region: string; events: number; pages: number };
export type CloudTrailPullResult = { regions: RegionPull[]; summary: IngestSummary };

export type PullCloudTrailOptions = {
  db: Db;
  pool: pg.Pool;
  source: Source;
  now?: Date;
  credentials?: CloudTrailClientConfig["credentials"];
  /** Attempts per call, first included (standard retry mode backs off with jitter). */
  maxAttempts?: number;
  /** Spacing between LookupEvents calls to one region (the API allows 2 per second). */
  intervalMs?: number;
};

/** Where CloudTrail is reached: `cloudTrailEndpoint` when set, else the source's `endpoint`, else AWS. */
export function cloudTrailConfigOf(source: Source): { regions: string[]; endpoint?: string } {
  const parsed = awsConfigSchema.safeParse(source.config);
  if (!parsed.success) throw new SourceError("config", `The configuration of ${source.name} is invalid: ${parsed.error.issues[0]?.message ?? "unknown error"}.`);
  const override = source.config.cloudTrailEndpoint;
  if (override !== undefined && (typeof override !== "string" || !/^https?:\/\/\S+$/.test(override))) {
    throw new SourceError("config", `cloudTrailEndpoint of ${source.name} must be an http(s) URL.`);
  }
  return { regions: parsed.data.regions, endpoint: (override as string | undefined) ?? parsed.data.endpoint };
}

async function* lookupPages(client: CloudTrailClient, paceKey: string, intervalMs: number, start: Date, end: Date): AsyncGenerator<LookupEventsResponse> {
  let NextToken: string | undefined;
  do {
    await pace(paceKey, intervalMs);
    const page = await client.send(
      new LookupEventsCommand({
        LookupAttributes: [{ AttributeKey: "EventSource", AttributeValue: SECRETS_MANAGER }],
        StartTime: start,
        EndTime: end,
        MaxResults: PAGE_SIZE,
        NextToken,
      }),
    );
    yield page;
    NextToken = page.NextToken || undefined;
  } while (NextToken);
}

async function pullRegion(options: PullCloudTrailOptions, endpoint: string | undefined, region: string, now: Date): Promise<{ pull: RegionPull; summary: IngestSummary }> {
  const { db, pool, source } = options;
  const cursor = await readCloudTrailCursor({ db, sourceId: source.id, region });
  const start = new Date(Math.max(now.getTime() - HISTORY_MS, cursor ? cursor.getTime() - REREAD_MS : 0));
  const client = new CloudTrailClient({
    region,
    endpoint,
    credentials: options.credentials,
    maxAttempts: options.maxAttempts ?? 5,
    retryMode: "standard",
    requestHandler: { connectionTimeout: 5_000, requestTimeout: 30_000 },
  });
  const name = `cloudtrail-lookup-events:${region}`;
  const state: DocumentState = { events: 0, pages: 0, newest: null, failure: null };
  try {
    const pages = lookupPages(client, `${endpoint ?? "aws"}|${region}`, options.intervalMs ?? LOOKUP_INTERVAL_MS, start, now);
    const summary = await withIngestRun({ db, format: "cloudtrail", trigger: `cloudtrail-pull:${source.id}`, files: [name] }, (runId) =>
      ingestStream({ format: "cloudtrail", name, stream: lookupEventsDocument(pages, state), pool, runId }),
    );
    if (state.failure) throw toSourceError(state.failure, { service: "cloudtrail", operation: "LookupEvents", region });
    if (state.newest) await writeCloudTrailCursor({ db, sourceId: source.id, region, at: state.newest });
    return { pull: { region, events: state.events, pages: state.pages }, summary };
  } finally {
    client.destroy();
  }
}

function addSummary(total: IngestSummary, part: IngestSummary) {
  total.read += part.read;
  total.ingested += part.ingested;
  total.duplicates += part.duplicates;
  total.skipped += part.skipped;
  total.quarantined += part.quarantined;
  total.errors.push(...part.errors);
}

/**
 * Pulls every region of the source. A failing region does not stop the others (their cursors
 * advance); the first failure is thrown once all regions have been tried.
 */
export async function pullCloudTrail(options: PullCloudTrailOptions): Promise<CloudTrailPullResult> {
  const { regions, endpoint } = cloudTrailConfigOf(options.source);
  // The same address rules as the source's own connector: nothing signed goes to a metadata host.
  if (endpoint) await assertReachable(endpoint, sourceReach());
  const now = options.now ?? new Date();
  const result: CloudTrailPullResult = { regions: [], summary: emptySummary() };
  let failure: unknown = null;
  for (const region of regions) {
    try {
      const { pull, summary } = await pullRegion(options, endpoint, region, now);
      result.regions.push(pull);
      addSummary(result.summary, summary);
    } catch (error) {
      failure ??= error;
    }
  }
  if (failure) throw failure;
  return result;
}
